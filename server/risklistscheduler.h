#pragma once

#include "serverdatabase.h"

#include <QDate>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace vantage::server {

// Makes each week's risk lists while `serve` runs: a first try shortly after start, then one every
// interval, until the week's lists are made (then nothing until the next Monday). Several
// instances behind nginx may each run one: the second finds the lists there and writes nothing.
class RiskListScheduler
{
public:
    explicit RiskListScheduler(const ServerDatabase &database) : m_database(database) {}
    ~RiskListScheduler() { stop(); }
    RiskListScheduler(const RiskListScheduler &) = delete;
    RiskListScheduler &operator=(const RiskListScheduler &) = delete;

    void start(std::chrono::seconds firstDelay, std::chrono::seconds interval);
    void stop();

private:
    void run(std::chrono::seconds firstDelay, std::chrono::seconds interval);
    void makeThisWeek();

    const ServerDatabase &m_database;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QDate m_doneMonday;
};

} // namespace vantage::server
