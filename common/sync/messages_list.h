// Template definitions for ListToJson / ListFromJson (included by messages.h).
#ifndef FIELDNOTES_SYNC_MESSAGES_LIST_H_
#define FIELDNOTES_SYNC_MESSAGES_LIST_H_

#include <string>
#include <vector>

namespace fieldnotes::sync {

template <typename T>
Value ListToJson(const char* name, const std::vector<T>& items) {
  core::json::Array array;
  array.reserve(items.size());
  for (const T& item : items) array.push_back(item.ToJson());
  core::json::Object object;
  object.Set(name, Value(std::move(array)));
  return Value(std::move(object));
}

template <typename T>
Result<std::vector<T>> ListFromJson(const Value& v, const char* name) {
  if (!v.is_object()) return core::Status::InvalidArgument("expected a JSON object");
  const Value* list = v.as_object().Find(name);
  if (list == nullptr || !list->is_array()) {
    return core::Status::InvalidArgument(std::string("member '") + name + "' must be an array");
  }
  std::vector<T> out;
  for (const Value& item : list->as_array()) {
    Result<T> parsed = T::FromJson(item);
    if (!parsed.ok()) return parsed.status();
    out.push_back(std::move(parsed).value());
  }
  return out;
}

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_MESSAGES_LIST_H_
