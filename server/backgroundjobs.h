#pragma once

#include "serverdatabase.h"
#include "smtpmailer.h"

#include <QDate>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace vantage::server {

// The work `serve` does besides answering requests, on a thread of its own: a first run shortly
// after start, then one every interval.
//  - The week's risk lists, until they are made (then nothing until the next Monday).
//  - With a mail relay: the funnel alert mails, whenever the synced data changed or the day did.
// Several instances behind nginx may each run them: the second finds the lists there and the mails
// claimed, and writes or sends nothing.
class BackgroundJobs
{
public:
    struct Options
    {
        bool riskLists = true;
        SmtpSettings smtp;  // not configured: no funnel alert mails
    };

    BackgroundJobs(const ServerDatabase &database, Options options) : m_database(database), m_options(std::move(options)) {}
    ~BackgroundJobs() { stop(); }
    BackgroundJobs(const BackgroundJobs &) = delete;
    BackgroundJobs &operator=(const BackgroundJobs &) = delete;

    void start(std::chrono::seconds firstDelay, std::chrono::seconds interval);
    void stop();

private:
    void run(std::chrono::seconds firstDelay, std::chrono::seconds interval);
    void makeRiskLists();
    void mailFunnelAlerts();

    const ServerDatabase &m_database;
    const Options m_options;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QDate m_listsMonday;   // the week whose lists are made
    QDate m_mailedDay;     // the day and sequence number of the last complete mail run
    qint64 m_mailedSeq = -1;
};

} // namespace vantage::server
