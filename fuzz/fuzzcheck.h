#pragma once

// Shared by the fuzz targets: the properties every parser must keep, whatever the bytes.
// A broken property aborts, which libFuzzer reports as a crash and saves the input.

#include "domain/error.h"
#include "protocol/syncmessages.h"

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace vantage::fuzz {

[[noreturn]] inline void fail(const char *what, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz property broken: %s %s\n", what, qPrintable(detail));
    std::abort();
}

inline void check(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition)
        fail(what, detail);
}

// Nothing fails silently: a refusal names the field (or says why the bytes are not JSON).
inline void checkRefusal(const core::Error &error)
{
    check(error.code == core::ErrorCode::InvalidInput, "a parser refused with a code other than InvalidInput",
        error.detail);
    check(!error.detail.isEmpty() && !error.message.isEmpty(), "a parser refused without saying why");
}

// toJson and the parser agree: a message the parser accepted, written with toJson and parsed again,
// is accepted and written byte for byte the same (one side writes with toJson, the other parses).
template<typename Parse, typename Message> void checkRoundTrip(Parse parse, const Message &message)
{
    const QByteArray written = core::toJson(message);
    auto reread = parse(written);
    if (!reread)
        fail("a parsed message written back is refused:", reread.error().detail + u' ' + QString::fromUtf8(written));
    const QByteArray rewritten = core::toJson(reread.value());
    check(rewritten == written, "a parsed message does not survive a round trip:",
        QString::fromUtf8(written) + QStringLiteral(" became ") + QString::fromUtf8(rewritten));
}

} // namespace vantage::fuzz
