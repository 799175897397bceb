// invite, clients, label, safety-number: the clinician's clients, known by
// pseudonymous ids on the server and by labels only here.
#include "clinician/cli/commands.h"
#include "core/i18n.h"
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
    if (label->empty()) return CliStatus::Usage(core::Tr("--label needs some text."));
    FN_CLI_RETURN_IF_ERROR(CheckLabel(*label));
  }
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto token = context.Token();
  if (!token.ok()) return token.status();
  auto invite = context.session().Invite(label);
  if (!invite.ok()) {
    if (invite.status().IsNotFound()) {
      // TRANSLATORS: %1 is the server's reason, in English.
      return Status::NotFound(core::Format(core::Tr("%1 Run: fieldnotes-clinician keys publish"),
                                           invite.status().message()));
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
  // TRANSLATORS: %1 is the code, %2 a time (UTC), %3 the server's address.
  Print(core::Format(core::Tr("Invite code: %1\nValid until %2. The client links with:\n"
                              "  fieldnotes-cli link --server %3 --code %1\n"),
                     invite->code, sync::FormatTime(invite->expires_at), state.server_url));
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
    // TRANSLATORS: in the list of clients, in place of the name the clinician gave a client when
    // there is none.
    std::string label = client->label.empty() ? core::Tr("(no label)") : client->label;
    if (label.size() < 20) label.resize(20, ' ');
    text +=
        core::Format(
            // TRANSLATORS: one line of the list of clients, in columns: %1 the start of the
            // client's id, %2 the clinician's name for them, %3 the day they linked, %4 how many
            // reports wait to be fetched. Keep the double spaces; KEY CHANGED says the client's key
            // is not the one pinned, so their reports are refused.
            changed ? core::TrN("%1  %2  linked %3  %4 waiting  KEY CHANGED: reports refused",
                                "%1  %2  linked %3  %4 waiting  KEY CHANGED: reports refused",
                                static_cast<unsigned long>(link.reports_waiting))
                    // TRANSLATORS: one line of the list of clients, in columns: %1 the start of the
                    // client's id, %2 the clinician's name for them, %3 the day they linked, %4 how
                    // many reports wait to be fetched. Keep the double spaces.
                    : core::TrN("%1  %2  linked %3  %4 waiting", "%1  %2  linked %3  %4 waiting",
                                static_cast<unsigned long>(link.reports_waiting)),
            client->client_id.substr(0, 8), label, sync::FormatTime(link.created_at).substr(0, 10),
            link.reports_waiting) +
        "\n";
  }
  if (context.json()) {
    Print(core::json::WritePretty(Value(std::move(array))) + "\n");
  } else if (text.empty()) {
    Print(
        core::Tr("No clients are linked yet. Make an invite with: fieldnotes-clinician invite\n"));
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
    // TRANSLATORS: %1 is the start of a client's id.
    Print(core::Format(core::Tr("Removed the label of client %1.\n"),
                       (*client)->client_id.substr(0, 8)));
  } else {
    // TRANSLATORS: %1 is the start of a client's id, %2 your label for them.
    Print(core::Format(core::Tr("Client %1 is now labelled %2.\n"),
                       (*client)->client_id.substr(0, 8), label));
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
        core::Tr("the server has reported a different key for this client since it was first seen; "
                 "this number is for the key first seen."));
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
  Print(
      // TRANSLATORS: %1 is the client's label or id; %2 and %3 are the two lines of digits. Keep
      // the layout.
      core::Format(core::Tr("Safety number with %1:\n\n  %2\n  %3\n\nRead it with your client. If "
                            "their screen shows the same digits, nobody swapped a key.\n"),
                   Shown(**client), grouped.substr(0, 35), grouped.substr(36)));
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
