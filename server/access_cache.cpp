#include "server/access_cache.h"

namespace fieldnotes::server {

uint64_t AccessCache::Generation() const {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_;
}

bool AccessCache::Find(const std::string& token_hash, const std::string& report_id, int64_t now,
                       int64_t fresh_seconds, SessionRecord& session, DownloadCheck& check) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto kept = sessions_.find(token_hash);
  if (kept == sessions_.end()) return false;
  const SessionRecord& s = kept->second.session;
  if (now < s.last_seen || now - s.last_seen >= fresh_seconds) return false;
  auto grant = kept->second.reports.find(report_id);
  if (grant == kept->second.reports.end()) return false;
  session = s;
  check = grant->second;
  if (downloaded_.count(report_id) != 0) check.downloaded_before = true;
  return true;
}

void AccessCache::Put(const SessionRecord& session, const std::string& report_id,
                      const DownloadCheck& check, uint64_t generation) {
  if (check.access != DownloadCheck::Access::kGranted || max_grants_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_) return;
  if (grants_ >= max_grants_) ClearLocked();
  Kept& kept = sessions_[session.token_hash];
  if (kept.session.token_hash.empty() || kept.session.last_seen < session.last_seen) {
    kept.session = session;
  }
  if (kept.reports.insert_or_assign(report_id, check).second) ++grants_;
}

void AccessCache::Touched(const std::string& token_hash, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto kept = sessions_.find(token_hash);
  if (kept != sessions_.end() && kept->second.session.last_seen < now) {
    kept->second.session.last_seen = now;
  }
}

void AccessCache::Downloaded(const std::string& report_id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!sessions_.empty()) downloaded_.insert(report_id);
}

void AccessCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
}

void AccessCache::ClearLocked() {
  ++generation_;
  sessions_.clear();
  downloaded_.clear();
  grants_ = 0;
}

size_t AccessCache::grants() const {
  std::lock_guard<std::mutex> lock(mu_);
  return grants_;
}

}  // namespace fieldnotes::server
