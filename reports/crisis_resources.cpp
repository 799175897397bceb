#include "reports/crisis_resources.h"

#include <cstdio>
#include <cstdlib>

#include "core/i18n.h"
#include "core/json.h"
#include "reports/embedded_data.h"

namespace fieldnotes::reports {
namespace json = core::json;
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

core::Result<std::string> StringField(const json::Object& o, std::string_view key,
                                      std::string_view where) {
  const json::Value* v = o.Find(key);
  if (v == nullptr || !v->is_string() || v->as_string().empty())
    return core::Status::InvalidArgument(std::string(where) + ": \"" + std::string(key) +
                                         "\" must be a non-empty string");
  return v->as_string();
}

}  // namespace

const CrisisResources& CrisisResources::Default() {
  static const CrisisResources* instance = [] {
    auto data = FindEmbeddedFile("crisis_resources.json");
    auto parsed = data ? Parse(*data) : core::Status::NotFound("crisis_resources.json");
    if (!parsed.ok()) {
      std::fprintf(stderr, "fieldnotes: the built-in crisis resources are broken: %s\n",
                   parsed.status().message().c_str());
      std::abort();
    }
    return new CrisisResources(std::move(*parsed));
  }();
  return *instance;
}

// The errors of Parse stay English on purpose: they describe the bundled
// data file to whoever edits it, not to a person using Fieldnotes.
core::Result<CrisisResources> CrisisResources::Parse(std::string_view text) {
  auto doc = json::Parse(text);
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) return core::Status::InvalidArgument("crisis resources: not an object");
  const json::Object& root = doc->as_object();
  const json::Value* format = root.Find("format");
  if (format == nullptr || !format->is_int() || format->as_int() != 1)
    return core::Status::InvalidArgument("crisis resources: unknown format");
  CrisisResources out;
  auto message = StringField(root, "message", "crisis resources");
  if (!message.ok()) return message.status();
  auto footer = StringField(root, "footer", "crisis resources");
  if (!footer.ok()) return footer.status();
  out.message_ = *message;
  out.footer_ = *footer;
  const json::Value* regions = root.Find("regions");
  if (regions == nullptr || !regions->is_array())
    return core::Status::InvalidArgument("crisis resources: \"regions\" must be an array");
  bool has_default = false;
  for (const json::Value& rv : regions->as_array()) {
    if (!rv.is_object()) return core::Status::InvalidArgument("crisis resources: bad region");
    const json::Object& r = rv.as_object();
    CrisisRegion region;
    auto code = StringField(r, "code", "region");
    if (!code.ok()) return code.status();
    region.code = *code == "default" ? *code : Upper(*code);
    auto name = StringField(r, "name", "region " + region.code);
    if (!name.ok()) return name.status();
    region.name = *name;
    if (const json::Value* aliases = r.Find("aliases")) {
      if (!aliases->is_array())
        return core::Status::InvalidArgument("region " + region.code + ": bad aliases");
      for (const json::Value& a : aliases->as_array()) {
        if (!a.is_string())
          return core::Status::InvalidArgument("region " + region.code + ": bad alias");
        region.aliases.push_back(Upper(a.as_string()));
      }
    }
    const json::Value* lines = r.Find("lines");
    if (lines == nullptr || !lines->is_array() || lines->as_array().empty())
      return core::Status::InvalidArgument("region " + region.code + ": needs lines");
    for (const json::Value& lv : lines->as_array()) {
      if (!lv.is_object())
        return core::Status::InvalidArgument("region " + region.code + ": bad line");
      auto c = StringField(lv.as_object(), "contact", "region " + region.code);
      auto w = StringField(lv.as_object(), "when", "region " + region.code);
      if (!c.ok()) return c.status();
      if (!w.ok()) return w.status();
      CrisisLine line_value{{}, {}, *c, *w, {}, {}};
      for (auto [key, field] :
           {std::pair{"name", &line_value.name}, std::pair{"about", &line_value.about},
            std::pair{"topic", &line_value.topic}, std::pair{"source", &line_value.source}}) {
        if (const json::Value* v = lv.as_object().Find(key)) {
          if (!v->is_string())
            return core::Status::InvalidArgument("region " + region.code + ": \"" + key +
                                                 "\" must be a string");
          *field = v->as_string();
        }
      }
      // A proper name, or English words that say what the line is, or both.
      if (line_value.name.empty() && line_value.about.empty())
        return core::Status::InvalidArgument("region " + region.code +
                                             ": a line needs a \"name\" or an \"about\"");
      if (!line_value.topic.empty() && line_value.topic != "abuse")
        return core::Status::InvalidArgument("region " + region.code + ": unknown topic \"" +
                                             line_value.topic + "\"");
      region.lines.push_back(std::move(line_value));
    }
    if (region.code == "default") {
      has_default = true;
      out.default_index_ = out.regions_.size();
    }
    out.regions_.push_back(std::move(region));
  }
  if (!has_default) return core::Status::InvalidArgument("crisis resources: no default region");
  return out;
}

const CrisisRegion& CrisisResources::ForRegion(std::string_view code) const {
  const std::string wanted = Upper(code);
  if (!wanted.empty()) {
    for (const CrisisRegion& r : regions_) {
      if (r.code == wanted) return r;
      for (const std::string& a : r.aliases) {
        if (a == wanted) return r;
      }
    }
  }
  return regions_[default_index_];
}

CrisisLine Translated(const CrisisLine& line) {
  CrisisLine out = line;
  if (!line.about.empty()) out.about = core::Tr(line.about.c_str());
  out.contact = core::Tr(line.contact.c_str());
  out.when = core::Tr(line.when.c_str());
  return out;
}

std::string LineName(const CrisisLine& line) {
  if (line.name.empty()) return line.about;
  if (line.about.empty()) return line.name;
  // TRANSLATORS: a crisis line's name, which stays as it is ("Samaritans"),
  // and what it is or whom it is for ("in the UK and Ireland", "ambulance",
  // "in French").
  return core::Format(core::TrC("crisis line's name and what it is", "%1 (%2)"), line.name,
                      line.about);
}

std::string LineText(const CrisisLine& line) {
  // TRANSLATORS: one crisis line under the message: %1 its name
  // ("Samaritans (in the UK and Ireland)", "Emergency services"), %2 how to reach it ("call 116
  // 123, free"), %3 when
  // ("24 hours, every day").
  return core::Format(core::Tr("%1: %2 (%3)"), LineName(line), line.contact, line.when);
}

std::vector<CrisisLine> CrisisResources::LinesFor(const CrisisRegion& region,
                                                  bool include_abuse) {
  std::vector<CrisisLine> out;
  for (const CrisisLine& line : region.lines) {
    if (line.topic.empty() || include_abuse) out.push_back(Translated(line));
  }
  return out;
}

std::string CrisisResources::message() const { return core::Tr(message_.c_str()); }

std::string CrisisResources::footer() const { return core::Tr(footer_.c_str()); }

std::string CrisisResources::Format(const CrisisRegion& region, bool include_abuse) const {
  std::string out = message() + "\n\n";
  for (const CrisisLine& line : LinesFor(region, include_abuse)) {
    out += "  " + LineText(line) + "\n";
  }
  out += "\n" + footer() + "\n";
  return out;
}

}  // namespace fieldnotes::reports
