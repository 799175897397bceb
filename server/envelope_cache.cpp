#include "server/envelope_cache.h"

namespace fieldnotes::server {

uint64_t EnvelopeCache::Generation() const {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_;
}

EnvelopeCache::Bytes EnvelopeCache::Find(const std::string& report_id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto found = index_.find(report_id);
  if (found == index_.end()) return nullptr;
  List::iterator it = found->second;
  if (now - it->added >= max_age_ || now < it->added) {
    DropLocked(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it);
  return it->bytes;
}

void EnvelopeCache::Put(const std::string& report_id, Bytes bytes, int64_t now,
                        uint64_t generation) {
  if (!bytes || bytes->size() > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_ || index_.count(report_id) != 0) return;
  used_ += bytes->size();
  lru_.push_front(Entry{report_id, std::move(bytes), now});
  index_.emplace(report_id, lru_.begin());
  while (used_ > max_bytes_) DropLocked(std::prev(lru_.end()));
}

void EnvelopeCache::Erase(const std::string& report_id) {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  auto found = index_.find(report_id);
  if (found != index_.end()) DropLocked(found->second);
}

void EnvelopeCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  index_.clear();
  lru_.clear();
  used_ = 0;
}

size_t EnvelopeCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return used_;
}

size_t EnvelopeCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return index_.size();
}

void EnvelopeCache::DropLocked(List::iterator it) {
  used_ -= it->bytes->size();
  index_.erase(it->id);
  lru_.erase(it);
}

}  // namespace fieldnotes::server
