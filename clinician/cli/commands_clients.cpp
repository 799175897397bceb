// invite, clients, label, safety-number: the clinician's clients, known by
// pseudonymous ids on the server and by labels only here.
#include "clinician/cli/commands.h"
#include "core/json.h"
#include "core/safety_number.h"
#include "sync/api.h"

namespace fieldnotes::clinician {
namespace {

using core::Status;
using core::json::Array;
using core::json::Object;
using core::json::Value;

CliStatus CheckLabel(const std::string& label) {
  const Status s = sync::CheckClientLabel(label);
  return s.ok() ? CliStatus::Ok() : CliStatus::Usage(s.message());
}

core::Result<std::string> SafetyNumberOf(const Context& context, const sync::StoredClient& client) {
  return sync::ClientSafetyNumber(client, context.keys());
}

// The client named on the command line, looking on the server when it is
// not known here yet and there is a session.
CliResult<sync::StoredClient*> ResolveClient(Context& context, const std::string& name) {
  auto found = context.store().FindClient(name);
  if (found.ok() || !found.status().IsNotFound() || context.store().state().token.empty()) {
    if (!found.ok()) return found.status();
    return *found;
  }
  auto links = context.RefreshClients();
  if (!links.ok()) return links.status();
  auto again = context.store().FindClient(name);
  if (!again.ok()) return again.status();
  return *again;
}

std::string Shown(const sync::StoredClient& c) {
  return c.label.empty() ? c.client_id.substr(0, 8)
                         : c.label + " (" + c.client_id.substr(0, 8) + ")";
}

}  // namespace

CliStatus RunInvite(Context& context, const Args& args) {
  const auto label = args.Value("--label");
  if (label) {
    if (label->empty()) return CliStatus::Usage("--label needs some text.");
    FN_CLI_RETURN_IF_ERROR(CheckLabel(*label));
  }
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto token = context.Token();
  if (!token.ok()) return token.status();
  auto invite = context.session().Invite(label);
  if (!invite.ok()) {
    if (invite.status().IsNotFound()) {
      return Status::NotFound(invite.status().message() +
                              " Run: fieldnotes-clinician keys publish");
    }
    return context.ServerError(invite.status());
  }
  const sync::ClinicianState& state = context.store().state();
  if (context.json()) {
    Object o;
    o.Set("code", invite->code);
    o.Set("expires_at", sync::FormatTime(invite->expires_at));
    o.Set("invite_id", invite->invite_id);
    Print(core::json::WritePretty(Value(std::move(o))) + "\n");
    return CliStatus::Ok();
  }
  Print("Invite code: " + invite->code + "\nValid until " + sync::FormatTime(invite->expires_at) +
        ". The client links with:\n  fieldnotes-cli link --server " + state.server_url +
        " --code " + invite->code + "\n");
  return CliStatus::Ok();
}

CliStatus RunClients(Context& context, const Args& /*args*/) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto links = context.RefreshClients();
  if (!links.ok()) return links.status();
  Array array;
  std::string text;
  for (const sync::LinkSummary& link : *links) {
    sync::StoredClient* client = context.store().FindClientById(link.client_id);
    if (client == nullptr) continue;  // a malformed entry ObserveLinks did not pin
    auto number = SafetyNumberOf(context, *client);
    if (!number.ok()) return number.status();
    const bool changed = !client->other_key.empty();
    if (context.json()) {
      Object o;
      o.Set("id", client->client_id);
      o.Set("label", client->label);
      o.Set("paired_at", sync::FormatTime(link.created_at));
      o.Set("reports_waiting", link.reports_waiting);
      o.Set("key", client->pinned_key);
      o.Set("key_changed", changed);
      o.Set("safety_number", *number);
      array.push_back(Value(std::move(o)));
      continue;
    }
    std::string label = client->label.empty() ? "(no label)" : client->label;
    if (label.size() < 20) label.resize(20, ' ');
    text += client->client_id.substr(0, 8) + "  " + label + "  linked " +
            sync::FormatTime(link.created_at).substr(0, 10) + "  " +
            std::to_string(link.reports_waiting) + " waiting" +
            (changed ? "  KEY CHANGED: reports refused" : "") + "\n";
  }
  if (context.json()) {
    Print(core::json::WritePretty(Value(std::move(array))) + "\n");
  } else if (text.empty()) {
    Print("No clients are linked yet. Make an invite with: fieldnotes-clinician invite\n");
  } else {
    Print(text);
  }
  return CliStatus::Ok();
}

CliStatus RunLabel(Context& context, const Args& args) {
  const std::string& name = args.positionals()[0];
  const std::string& label = args.positionals()[1];
  FN_CLI_RETURN_IF_ERROR(CheckLabel(label));
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto client = ResolveClient(context, name);
  if (!client.ok()) return client.status();
  (*client)->label = label;
  FN_RETURN_IF_ERROR(context.store().Save());
  if (context.json()) {
    Object o;
    o.Set("id", (*client)->client_id);
    o.Set("label", label);
    Print(core::json::WritePretty(Value(std::move(o))) + "\n");
  } else if (label.empty()) {
    Print("Removed the label of client " + (*client)->client_id.substr(0, 8) + ".\n");
  } else {
    Print("Client " + (*client)->client_id.substr(0, 8) + " is now labelled " + label + ".\n");
  }
  return CliStatus::Ok();
}

CliStatus RunSafetyNumber(Context& context, const Args& args) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto client = ResolveClient(context, args.positionals()[0]);
  if (!client.ok()) return client.status();
  auto number = SafetyNumberOf(context, **client);
  if (!number.ok()) return number.status();
  if (!(*client)->other_key.empty()) {
    Warn(
        "the server has reported a different key for this client since it was first seen; "
        "this number is for the key first seen.");
  }
  if (context.json()) {
    Object o;
    o.Set("client", (*client)->client_id);
    o.Set("label", (*client)->label);
    o.Set("safety_number", *number);
    Print(core::json::WritePretty(Value(std::move(o))) + "\n");
    return CliStatus::Ok();
  }
  const std::string grouped = core::GroupSafetyNumber(*number);
  Print("Safety number with " + Shown(**client) + ":\n\n  " + grouped.substr(0, 35) + "\n  " +
        grouped.substr(36) +
        "\n\nRead it with your client. If their screen shows the same digits, nobody swapped a "
        "key.\n");
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
