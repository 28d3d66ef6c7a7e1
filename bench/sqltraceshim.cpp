// vantage-sqltrace: a diagnostic preload library, not linked into anything. Run the real app with
//   VANTAGE_SQLTRACE_LOG=FILE LD_PRELOAD=build/bench/bench/libvantage-sqltrace.so vantage ...
// and FILE gets one line per executed statement: start and end (Unix ms), a thread number and
// the SQL text. run_benchmarks.sh uses it for one traced start to show where start-up and refresh
// time goes (which statement runs when, on which reader thread) without touching the app.
//
// It wraps sqlite3_step/reset/finalize: a statement starts at its first step and ends when a step
// returns anything but SQLITE_ROW, or when it is reset or finalized.
#include <sqlite3.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace vantage::bench {
namespace {

struct Running
{
    long long startMs = 0;
    std::string sql;
};

std::mutex g_mutex;
std::unordered_map<sqlite3_stmt *, Running> g_running;
std::FILE *g_log = nullptr;

// The Qt plugin loads libsqlite3 privately, so the real functions are looked up in the library
// itself rather than with RTLD_NEXT.
template<typename Function>
Function realFunction(const char *name)
{
    static void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_GLOBAL);
    void *symbol = library ? dlsym(library, name) : nullptr;
    if (!symbol)
        std::abort();
    Function function = nullptr;
    std::memcpy(&function, &symbol, sizeof function); // object to function pointer, without a cast
    return function;
}

long long nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void begin(sqlite3_stmt *statement)
{
    static const auto sqlOf = realFunction<const char *(*)(sqlite3_stmt *)>("sqlite3_sql");
    const std::lock_guard lock(g_mutex);
    if (g_running.find(statement) == g_running.end()) {
        const char *sql = sqlOf(statement);
        g_running.emplace(statement, Running{nowMs(), sql ? std::string(sql, std::min<size_t>(std::strlen(sql), 400)) : std::string()});
    }
}

void end(sqlite3_stmt *statement)
{
    const std::lock_guard lock(g_mutex);
    const auto it = g_running.find(statement);
    if (it == g_running.end())
        return;
    if (!g_log) {
        const char *path = std::getenv("VANTAGE_SQLTRACE_LOG");
        g_log = std::fopen(path ? path : "vantage-sqltrace.log", "w");
    }
    if (g_log) {
        const size_t thread = std::hash<std::thread::id>{}(std::this_thread::get_id()) % 100000;
        std::fprintf(g_log, "%lld %lld %zu %s\n", it->second.startMs, nowMs(), thread, it->second.sql.c_str());
        std::fflush(g_log);
    }
    g_running.erase(it);
}

} // namespace
} // namespace vantage::bench

extern "C" {

int sqlite3_step(sqlite3_stmt *statement)
{
    static const auto step = vantage::bench::realFunction<int (*)(sqlite3_stmt *)>("sqlite3_step");
    vantage::bench::begin(statement);
    const int rc = step(statement);
    if (rc != SQLITE_ROW)
        vantage::bench::end(statement);
    return rc;
}

int sqlite3_reset(sqlite3_stmt *statement)
{
    static const auto reset = vantage::bench::realFunction<int (*)(sqlite3_stmt *)>("sqlite3_reset");
    vantage::bench::end(statement);
    return reset(statement);
}

int sqlite3_finalize(sqlite3_stmt *statement)
{
    static const auto finalize = vantage::bench::realFunction<int (*)(sqlite3_stmt *)>("sqlite3_finalize");
    vantage::bench::end(statement);
    return finalize(statement);
}

} // extern "C"
