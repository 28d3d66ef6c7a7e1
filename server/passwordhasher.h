#pragma once

#include <QString>

namespace vantage::server {

// Argon2id password hashes through libsodium (memory-hard; parameters stored in the hash string).
class PasswordHasher
{
public:
    static bool initialize(); // sodium_init; false if the library cannot run here
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
};

} // namespace vantage::server
