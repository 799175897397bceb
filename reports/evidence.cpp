#include "reports/evidence.h"

#include <algorithm>

namespace fieldnotes::reports {
namespace {

constexpr size_t kUuidChars = 36;
// Where each byte's two hex digits start in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
constexpr size_t kPairAt[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};

// A digit's value, or 0x10 for anything but 0-9 and a-f (upper case too:
// such an id is kept as it was written).
constexpr std::array<uint8_t, 256> kHexValue = [] {
  std::array<uint8_t, 256> t{};
  for (auto& v : t) v = 0x10;
  for (size_t c = 0; c < 10; ++c) t['0' + c] = static_cast<uint8_t>(c);
  for (size_t c = 0; c < 6; ++c) t['a' + c] = static_cast<uint8_t>(10 + c);
  return t;
}();

// A lower-case UUID ("1b4e28ba-2fa1-4d2e-883f-0016d3cca427") as its 16
// bytes; false for anything else, which is then kept as a string. (Called
// for every entry of every observation: no branch per digit.)
bool ParseUuid(std::string_view s, std::array<uint8_t, 16>* out) {
  if (s.size() != kUuidChars || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
    return false;
  uint8_t bad = 0;
  for (size_t i = 0; i < 16; ++i) {
    const uint8_t hi = kHexValue[static_cast<unsigned char>(s[kPairAt[i]])];
    const uint8_t lo = kHexValue[static_cast<unsigned char>(s[kPairAt[i] + 1])];
    bad |= static_cast<uint8_t>(hi | lo);
    (*out)[i] = static_cast<uint8_t>((hi << 4) | (lo & 0x0F));
  }
  return (bad & 0x10) == 0;
}

std::string FormatUuid(const std::array<uint8_t, 16>& u) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(kUuidChars, '-');
  for (size_t i = 0; i < 16; ++i) {
    out[kPairAt[i]] = kHex[u[i] >> 4];
    out[kPairAt[i] + 1] = kHex[u[i] & 0x0F];
  }
  return out;
}

}  // namespace

Evidence::List& Evidence::Own() {
  if (!list_) {
    list_ = std::make_shared<List>();
  } else if (list_.use_count() > 1) {
    list_ = std::make_shared<List>(*list_);  // a copy still reads the old list
  }
  return *list_;
}

void Evidence::Reserve(size_t n) {
  List& l = Own();
  if (l.other.empty()) {
    l.uuids.reserve(n);
  } else {
    l.other.reserve(n);
  }
  l.days.reserve(n);
}

void Evidence::Add(std::string_view entry_id, const core::Date& date) {
  List& l = Own();
  Uuid u{};
  if (l.other.empty() && ParseUuid(entry_id, &u)) {
    l.uuids.push_back(u);
  } else {
    if (l.other.empty()) {
      // The first id that is not a UUID: from now on every id is a string.
      l.other.reserve(std::max(l.uuids.capacity(), l.uuids.size() + 1));
      for (const Uuid& k : l.uuids) l.other.push_back(FormatUuid(k));
      l.uuids = {};
    }
    l.other.emplace_back(entry_id);
  }
  // Calendar dates of the years 1 to 9999 are within ±4 million days.
  l.days.push_back(static_cast<int32_t>(core::DaysFromCivil(date)));
}

size_t Evidence::size() const { return list_ ? list_->days.size() : 0; }

std::string Evidence::id(size_t i) const {
  return list_->other.empty() ? FormatUuid(list_->uuids[i]) : list_->other[i];
}

core::Date Evidence::date(size_t i) const { return core::CivilFromDays(list_->days[i]); }

bool Evidence::Contains(std::string_view entry_id) const {
  if (!list_) return false;
  if (!list_->other.empty())
    return std::find(list_->other.begin(), list_->other.end(), entry_id) != list_->other.end();
  Uuid u{};
  if (!ParseUuid(entry_id, &u)) return false;
  return std::find(list_->uuids.begin(), list_->uuids.end(), u) != list_->uuids.end();
}

std::vector<std::string> Evidence::Ids() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (size_t i = 0; i < size(); ++i) out.push_back(id(i));
  return out;
}

std::vector<core::Date> Evidence::Dates() const {
  std::vector<core::Date> out;
  out.reserve(size());
  for (size_t i = 0; i < size(); ++i) out.push_back(date(i));
  return out;
}

bool Evidence::operator==(const Evidence& other) const {
  if (size() != other.size()) return false;
  if (size() == 0 || list_ == other.list_) return true;
  if (list_->days != other.list_->days) return false;
  if (list_->other.empty() && other.list_->other.empty()) return list_->uuids == other.list_->uuids;
  for (size_t i = 0; i < size(); ++i) {
    if (id(i) != other.id(i)) return false;
  }
  return true;
}

core::json::Value EntryIdsToJson(const Evidence& evidence) {
  core::json::Array out;
  out.reserve(evidence.size());
  for (size_t i = 0; i < evidence.size(); ++i) out.emplace_back(evidence.id(i));
  return out;
}

core::json::Value DatesToJson(const Evidence& evidence) {
  core::json::Array out;
  out.reserve(evidence.size());
  for (size_t i = 0; i < evidence.size(); ++i) out.emplace_back(core::FormatDate(evidence.date(i)));
  return out;
}

}  // namespace fieldnotes::reports
