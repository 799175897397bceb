// CompactString: an immutable-size text held in one heap block, for the
// text fields of core::Entry (model.h), of which a journal holds hundreds
// of thousands and most are empty.
//
// The object is one pointer: null when the text is empty (nothing
// allocated), otherwise a block holding the size (32 bits), the bytes and a
// terminating NUL. A std::string is 32 bytes whether empty or not and keeps
// a second block for anything over 15 bytes; eight empty text fields of an
// entry took 256 bytes, here 64 (docs/performance.md, "Entries").
//
// It reads as a std::string_view (and converts to one, and to a
// std::string, implicitly), compares
// with anything that converts to one, and offers the few std::string
// operations the fields are used with (find, substr, starts_with, append).
// Every change allocates a new block of the exact size: the fields are
// written once and read many times. Text longer than 4 GiB - 1 is refused
// (std::length_error): a programming error, as fields are 64 KiB at most
// (model.h kMaxFieldBytes, checked by Validate).
#ifndef FIELDNOTES_CORE_COMPACT_STRING_H_
#define FIELDNOTES_CORE_COMPACT_STRING_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace fieldnotes::core {

class CompactString {
 public:
  using value_type = char;
  using size_type = size_t;
  using const_iterator = const char*;
  using iterator = const char*;
  static constexpr size_t npos = std::string_view::npos;

  CompactString() noexcept = default;
  // Implicit, so that fields are written as strings were:
  // e.text = "...", e.text = some_std_string, Entry{.text = s}.
  CompactString(std::string_view s) : p_(Make(s)) {}  // NOLINT(google-explicit-constructor)
  CompactString(const char* s)                        // NOLINT(google-explicit-constructor)
      : CompactString(std::string_view(s)) {}
  CompactString(const std::string& s)  // NOLINT(google-explicit-constructor)
      : CompactString(std::string_view(s)) {}
  CompactString(const CompactString& o) : p_(Make(o.view())) {}
  CompactString(CompactString&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  ~CompactString() { Free(p_); }

  CompactString& operator=(const CompactString& o) {
    if (this != &o) Assign(o.view());
    return *this;
  }
  CompactString& operator=(CompactString&& o) noexcept {
    if (this != &o) {
      Free(p_);
      p_ = std::exchange(o.p_, nullptr);
    }
    return *this;
  }
  CompactString& operator=(std::string_view s) { return Assign(s); }
  CompactString& operator=(const char* s) { return Assign(std::string_view(s)); }
  CompactString& operator=(const std::string& s) { return Assign(std::string_view(s)); }

  size_t size() const noexcept { return p_ ? Header(p_) : 0; }
  size_t length() const noexcept { return size(); }
  bool empty() const noexcept { return p_ == nullptr; }
  // Never null; NUL-terminated.
  const char* data() const noexcept { return p_ ? p_ + kHeader : ""; }
  const char* c_str() const noexcept { return data(); }
  const char* begin() const noexcept { return data(); }
  const char* end() const noexcept { return data() + size(); }
  char operator[](size_t i) const noexcept { return data()[i]; }
  char front() const noexcept { return data()[0]; }
  char back() const noexcept { return data()[size() - 1]; }

  std::string_view view() const noexcept { return {data(), size()}; }
  operator std::string_view() const noexcept {
    return view();
  }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }
  // Implicit too, so that a field still passes where a std::string is
  // taken (a copy each time).
  operator std::string() const { return str(); }  // NOLINT(google-explicit-constructor)

  size_t find(std::string_view s, size_t pos = 0) const noexcept { return view().find(s, pos); }
  size_t find(char c, size_t pos = 0) const noexcept { return view().find(c, pos); }
  size_t rfind(std::string_view s, size_t pos = npos) const noexcept {
    return view().rfind(s, pos);
  }
  size_t rfind(char c, size_t pos = npos) const noexcept { return view().rfind(c, pos); }
  bool starts_with(std::string_view s) const noexcept { return view().starts_with(s); }
  bool ends_with(std::string_view s) const noexcept { return view().ends_with(s); }
  // A copy, as std::string::substr (std::out_of_range when pos > size()).
  std::string substr(size_t pos = 0, size_t n = npos) const {
    return std::string(view().substr(pos, n));
  }
  int compare(std::string_view s) const noexcept { return view().compare(s); }

  void clear() noexcept {
    Free(p_);
    p_ = nullptr;
  }
  CompactString& append(std::string_view s);
  CompactString& operator+=(std::string_view s) { return append(s); }
  CompactString& operator+=(char c) { return append(std::string_view(&c, 1)); }
  void swap(CompactString& o) noexcept { std::swap(p_, o.p_); }

  friend bool operator==(const CompactString& a, const CompactString& b) noexcept {
    return a.view() == b.view();
  }
  friend bool operator==(const CompactString& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend bool operator==(const CompactString& a, const char* b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend bool operator==(const CompactString& a, const std::string& b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const CompactString& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const CompactString& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const char* b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const std::string& a, const CompactString& b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b.view());
    return out;
  }
  friend std::string operator+(const CompactString& a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a.view()).append(b);
    return out;
  }
  friend std::string operator+(const char* a, const CompactString& b) { return std::string(a) + b; }
  friend std::ostream& operator<<(std::ostream& os, const CompactString& s);

 private:
  static constexpr size_t kHeader = sizeof(uint32_t);
  static uint32_t Header(const char* p) noexcept {
    uint32_t n;
    __builtin_memcpy(&n, p, sizeof n);
    return n;
  }
  // Null for an empty text.
  static char* Make(std::string_view s);
  static void Free(char* p) noexcept;
  CompactString& Assign(std::string_view s) {
    char* fresh = Make(s);  // first: `s` may be this text
    Free(p_);
    p_ = fresh;
    return *this;
  }

  char* p_ = nullptr;
};

inline void swap(CompactString& a, CompactString& b) noexcept { a.swap(b); }

}  // namespace fieldnotes::core

template <>
struct std::hash<fieldnotes::core::CompactString> {
  size_t operator()(const fieldnotes::core::CompactString& s) const noexcept {
    return std::hash<std::string_view>()(s.view());
  }
};

#endif  // FIELDNOTES_CORE_COMPACT_STRING_H_
