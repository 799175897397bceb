// The most common passwords of 12 or more characters (shorter ones are
// refused by length already), from the public breach-frequency lists, plus
// the keyboard walks and repetitions they are built from.
#include <algorithm>
#include <string>
#include <string_view>

#include "server/password.h"

namespace fieldnotes::server {
namespace {

constexpr std::string_view kCommon[] = {
    "000000000000",     "0000000000000",       "0123456789ab",
    "0987654321qwerty", "100200300400",        "111111111111",
    "1111111111111",    "111222333444",        "112233445566",
    "121212121212",     "123123123123",        "1234512345123",
    "123456123456",     "123456654321",        "1234567890-=",
    "12345678901",      "123456789012",        "1234567890123",
    "12345678901234",   "123456789012345",     "1234567890qwerty",
    "123456789abc",     "123456789qwe",        "123456789qwerty",
    "123456qwerty",     "1234qwer1234",        "1234qwerasdf",
    "1234qwerasdfzxcv", "123abc123abc",        "123qweasdzxc",
    "1q2w3e4r5t6y",     "1q2w3e4r5t6y7u",      "1qaz2wsx3edc",
    "1qaz2wsx3edc4rfv", "1qazxsw23edc",        "987654321000",
    "987654321098",     "987654321987",        "a1b2c3d4e5f6",
    "aaaaaaaaaaaa",     "abc123abc123",        "abc123456789",
    "abcd1234abcd",     "abcdefghijkl",        "abcdefghijklm",
    "administrator",    "administrator1",      "asdfasdfasdf",
    "asdfghjkl123",     "asdfghjkl;'",         "asdfghjklqwerty",
    "baseball1234",     "basketball12",        "changeme1234",
    "changemenow!",     "charlie12345",        "computer1234",
    "football1234",     "footballfootball",    "iloveyou1234",
    "iloveyouiloveyou", "letmein12345",        "letmeinletmein",
    "liverpool123",     "monkey123456",        "p@ssw0rd1234",
    "p@ssword1234",     "passw0rd1234",        "passw0rdpassw0rd",
    "password0000",     "password1111",        "password1234",
    "password12345",    "password123456",      "password123!",
    "password!234",     "passwordpassword",    "princess1234",
    "q1w2e3r4t5y6",     "qazwsxedcrfv",        "qazwsxedcrfvtgb",
    "qwerasdfzxcv",     "qwerty123456",        "qwerty1234567",
    "qwerty1234567890", "qwertyqwerty",        "qwertyuiop12",
    "qwertyuiop123",    "qwertyuiopas",        "qwertyuiopasdf",
    "qwertyuiopasdfgh", "qwertyuiopasdfghjkl", "sunshine1234",
    "superman1234",     "trustno1trustno1",    "welcome12345",
    "welcome123456",    "welcomewelcome",      "zaq12wsxcde3",
    "zaq1xsw2cde3",     "zxcvbnm12345",        "zxcvbnmasdfghjkl",
    "dragon123456",     "michael12345",        "jennifer1234",
    "therapist123",     "therapy12345",        "fieldnotes123",
    "fieldnotes1234",   "mypassword123",       "mypassword1234",
    "secretpassword",   "supersecret123",      "correcthorsebatterystaple",
};

}  // namespace

bool IsCommonPassword(std::string_view password) {
  std::string lower(password);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::find(std::begin(kCommon), std::end(kCommon), std::string_view(lower)) !=
         std::end(kCommon);
}

}  // namespace fieldnotes::server
