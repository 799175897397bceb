#include "core/compact_string.h"

#include <cstring>
#include <limits>
#include <new>
#include <ostream>
#include <stdexcept>

namespace fieldnotes::core {

char* CompactString::Make(std::string_view s) {
  if (s.empty()) return nullptr;
  if (s.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("CompactString: text longer than 4 GiB");
  auto* p = static_cast<char*>(::operator new(kHeader + s.size() + 1));
  const auto n = static_cast<uint32_t>(s.size());
  std::memcpy(p, &n, sizeof n);
  std::memcpy(p + kHeader, s.data(), s.size());
  p[kHeader + s.size()] = '\0';
  return p;
}

void CompactString::Free(char* p) noexcept { ::operator delete(p); }

CompactString& CompactString::append(std::string_view s) {
  if (s.empty()) return *this;
  const size_t old = size();
  if (old + s.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("CompactString: text longer than 4 GiB");
  // A new block of the joined size; `s` may lie in this text, so the old
  // block goes only after both are copied.
  auto* p = static_cast<char*>(::operator new(kHeader + old + s.size() + 1));
  const auto n = static_cast<uint32_t>(old + s.size());
  std::memcpy(p, &n, sizeof n);
  std::memcpy(p + kHeader, data(), old);
  std::memcpy(p + kHeader + old, s.data(), s.size());
  p[kHeader + n] = '\0';
  Free(p_);
  p_ = p;
  return *this;
}

std::ostream& operator<<(std::ostream& os, const CompactString& s) { return os << s.view(); }

}  // namespace fieldnotes::core
