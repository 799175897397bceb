#include "sync/connection.h"

#include <Poco/Delegate.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/VerificationErrorArgs.h>
#include <openssl/x509_vfy.h>

#include <charconv>
#include <chrono>
#include <fstream>
#include <istream>
#include <mutex>
#include <optional>

#include "core/i18n.h"
#include "core/json.h"
#include "sync/api.h"

namespace fieldnotes::sync {

namespace {

// The most a response body may hold: an envelope of the largest size bucket
// plus its header, tag and signature, with room to spare. JSON answers are
// far smaller.
constexpr size_t kMaxResponseBytes = size_t{17} * 1024 * 1024;

// The reason OpenSSL gave for refusing the server's certificate, recorded by
// Poco's verification callback on the thread doing the handshake.
thread_local int last_verify_error = 0;

void OnVerificationError(const void*, Poco::Net::VerificationErrorArgs& args) {
  last_verify_error = args.errorNumber();
  args.setIgnoreError(false);
}

void InitializeOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    // Without a handler of its own, Poco would build one from an
    // application configuration, by default one that asks on the console
    // whether to accept a bad certificate. A bad certificate is refused,
    // never asked about.
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    Poco::Net::SSLManager::instance().initializeClient(
        nullptr, new Poco::Net::RejectCertificateHandler(false),
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params));
    Poco::Net::SSLManager::instance().ClientVerificationError +=
        Poco::delegate(&OnVerificationError);
  });
}

// After a refused certificate (a sentence of its own, with its space).
std::string CaHint() {
  return std::string(" ") +
         core::Tr("If your practice gave you a certificate file for this server, pass it with "
                  "--ca-file.");
}

// A call's failure in the reader's language: what could not be done, a
// whole sentence marked N_ where the call is made ("could not upload the
// report."), then why, a sentence of its own ("The server refused it.").
std::string Failed(std::string_view what, const std::string& why) {
  return std::string(core::Tr(std::string(what).c_str())) + " " + why;
}

Status CertificateError(const ServerAddress& address, int error) {
  const char* why = nullptr;
  switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      // TRANSLATORS: in the messages below, %1 is the server's address
      // (https://host:port).
      why = core::Tr("not connecting to %1: its certificate has expired.");
      break;
    case X509_V_ERR_CERT_NOT_YET_VALID:
      why = core::Tr("not connecting to %1: its certificate is not valid yet (check this "
                     "computer's clock).");
      break;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      why = core::Tr("not connecting to %1: its certificate is self-signed and not one this "
                     "computer trusts.");
      break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      why = core::Tr("not connecting to %1: its certificate is not signed by an authority this "
                     "computer trusts.");
      break;
    case X509_V_ERR_CERT_REVOKED:
      why = core::Tr("not connecting to %1: its certificate has been revoked.");
      break;
    default:
      return Status::Refused(
          // TRANSLATORS: %1 is the server's address, %2 OpenSSL's reason, in English.
          core::Format(core::Tr("not connecting to %1: its certificate could not be verified (%2)."),
                       address.ToUrl(), X509_verify_cert_error_string(error)) +
          CaHint());
  }
  return Status::Refused(core::Format(why, address.ToUrl()) + CaHint());
}

Status HttpError(int status, const std::string& body, std::string_view what) {
  std::string code;
  std::string message;
  if (auto parsed = core::json::Parse(body); parsed.ok()) {
    if (auto error = ErrorBody::FromJson(*parsed); error.ok()) {
      code = error->error;
      message = error->message;
    }
  }
  // The server's refusal, with its own (English) words when it gave some.
  const auto refused = [&] {
    // TRANSLATORS: after "could not upload the report." (or another
    // action); %1 is the server's own words, in English.
    return message.empty() ? std::string(core::Tr("The server refused it."))
                           : core::Format(core::Tr("The server refused it (%1)."), message);
  };
  switch (status) {
    case 400:
    case 413:
    case 415:
      return Status::InvalidArgument(Failed(what, refused()));
    case 401:
    case 403:
      return Status::Unauthenticated(Failed(
          what, message.empty()
                    ? std::string(core::Tr("The server did not accept the sign-in: sign in again, "
                                           "or the link has ended."))
                    // TRANSLATORS: %1 is the server's own words, in English.
                    : core::Format(core::Tr("The server did not accept the sign-in: sign in "
                                            "again, or the link has ended (%1)."),
                                   message)));
    case 404:
      return Status::NotFound(Failed(
          what, core::Tr("The server has no such thing: it may have been withdrawn, expired or "
                         "ended.")));
    case 409:
      if (code == error::kQuotaExceeded) {
        return Status::InvalidArgument(
            core::Tr("the server already holds as many reports on this link as it allows; "
                     "withdraw an older one first"));
      }
      return Status::AlreadyExists(Failed(what, refused()));
    case 429:
      return Status::Unavailable(Failed(
          what, core::Tr("There were too many attempts; the server asks to wait before trying "
                         "again.")));
    case 503:
      return Status::Unavailable(core::Tr("the server is busy; please try again in a moment"));
    default:
      if (status >= 500) {
        return Status::Unavailable(
            // TRANSLATORS: %1 is the HTTP status, a number.
            Failed(what, core::Format(core::Tr("The server had a problem (HTTP %1)."), status)));
      }
      return Status::Internal(Failed(
          // TRANSLATORS: %1 is the HTTP status, a number.
          what, core::Format(core::Tr("The server's answer was unexpected (HTTP %1)."), status)));
  }
}

struct Response {
  int status = 0;
  std::string body;
};

template <typename T>
Result<T> ParseBody(const Response& r, std::string_view what) {
  auto parsed = core::json::Parse(r.body);
  if (!parsed.ok()) {
    return Status::Corruption(Failed(what, core::Tr("The server's answer was not understood.")));
  }
  auto value = T::FromJson(*parsed);
  if (!value.ok()) {
    return Status::Corruption(Failed(
        // TRANSLATORS: %1 is what was wrong with the answer, in English.
        what, core::Format(core::Tr("The server's answer was not understood (%1)."),
                           value.status().message())));
  }
  return value;
}

template <typename T>
Result<std::vector<T>> ParseList(const Response& r, const char* name, std::string_view what) {
  auto parsed = core::json::Parse(r.body);
  if (!parsed.ok()) {
    return Status::Corruption(Failed(what, core::Tr("The server's answer was not understood.")));
  }
  auto list = ListFromJson<T>(*parsed, name);
  if (!list.ok()) {
    // TRANSLATORS: %1 is what was wrong with the answer, in English.
    return Status::Corruption(Failed(
        what, core::Format(core::Tr("The server's answer was not understood (%1)."),
                           list.status().message())));
  }
  return list;
}

bool ValidId(const std::string& id) { return IsLowerHex(id, kIdHexChars); }

}  // namespace

// ---- ServerAddress ----

Result<ServerAddress> ServerAddress::Parse(std::string_view url) {
  // `why` is a whole message whose %1 is the address the person gave.
  auto bad = [&](const char* why) { return Status::InvalidArgument(core::Format(why, url)); };
  constexpr std::string_view kScheme = "https://";
  // TRANSLATORS: in the messages below, %1 is the server address the
  // person gave; the examples (https://host…) are typed as they are.
  if (url.substr(0, kScheme.size()) != kScheme) return bad(core::Tr("the server address '%1' does not start with https://; it looks like https://host or https://host:port"));
  std::string_view rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@ \t\r\n") != std::string_view::npos) {
    return bad(core::Tr("the server address '%1' has more than a host and a port; it looks like https://host or https://host:port"));
  }
  ServerAddress a;
  std::string_view port_text;
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return bad(core::Tr("the server address '%1' has an unclosed [; it looks like https://host or https://host:port"));
    a.host = std::string(rest.substr(1, close - 1));
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad(core::Tr("the server address '%1' has something after the ]; it looks like https://host or https://host:port"));
      port_text = after.substr(1);
      if (port_text.empty()) return bad(core::Tr("the server address '%1' has an empty port; it looks like https://host or https://host:port"));
    }
  } else {
    const size_t colon = rest.find(':');
    a.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = rest.substr(colon + 1);
      if (port_text.empty()) return bad(core::Tr("the server address '%1' has an empty port; it looks like https://host or https://host:port"));
    }
  }
  if (a.host.empty() || a.host.size() > 253) return bad(core::Tr("the server address '%1' has no host; it looks like https://host or https://host:port"));
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return bad(core::Tr("the server address '%1' has a port that is not a number from 1 to 65535; it looks like https://host or https://host:port"));
    }
    a.port = static_cast<uint16_t>(port);
  }
  return a;
}

std::string ServerAddress::ToUrl() const {
  const bool v6 = host.find(':') != std::string::npos;
  return "https://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// ---- Connection ----

class Connection::Impl {
 public:
  Impl(ServerAddress address, Poco::Net::Context::Ptr context, int timeout_seconds)
      : address_(std::move(address)), context_(std::move(context)), timeout_(timeout_seconds) {}

  const ServerAddress& address() const { return address_; }

  struct Call {
    std::string method;
    std::string path;
    std::string what;  // "sign in", "upload the report" (N_): for messages, translated there
    std::string bearer;
    std::string content_type;
    core::crypto::ByteView body;
    std::vector<std::pair<std::string, std::string>> headers;
  };

  Result<Response> Send(const Call& call) {
    last_verify_error = 0;
    // A kept-alive connection may have been closed by the server while idle
    // (http.keep_alive_timeout_seconds, 5 s by default). One idle for longer
    // than kIdleReuse is not used again. A request that still fails on a
    // reused connection without an answer is sent once more on a new one,
    // but only when sending it twice does no harm: a POST that the server
    // may have carried out (an upload, redeeming an invite) is never resent.
    const auto now = std::chrono::steady_clock::now();
    if (session_ != nullptr && now - last_answer_ > kIdleReuse) session_.reset();
    const bool reused = session_ != nullptr;
    const bool idempotent = call.method == "GET" || call.method == "DELETE" || call.method == "PUT";
    auto stale = [&](const auto& retry) -> std::optional<Result<Response>> {
      if (!reused || answered_ || !idempotent) return std::nullopt;
      session_.reset();
      return retry();
    };
    answered_ = false;
    try {
      if (!session_) {
        session_ =
            std::make_unique<Poco::Net::HTTPSClientSession>(address_.host, address_.port, context_);
        session_->setTimeout(Poco::Timespan(timeout_, 0));
        session_->setKeepAlive(true);
      }
      Poco::Net::HTTPRequest request(call.method, call.path, Poco::Net::HTTPMessage::HTTP_1_1);
      request.setHost(address_.host, address_.port);
      if (!call.bearer.empty()) {
        request.set(std::string(header::kAuthorization), "Bearer " + call.bearer);
      }
      for (const auto& [name, value] : call.headers) request.set(name, value);
      const bool has_body = call.method == "POST" || call.method == "PUT";
      if (has_body) {
        request.setContentType(call.content_type.empty() ? std::string(kJsonContentType)
                                                         : call.content_type);
        request.setContentLength(static_cast<std::streamsize>(call.body.size()));
      }
      std::ostream& out = session_->sendRequest(request);
      if (has_body && !call.body.empty()) {
        out.write(reinterpret_cast<const char*>(call.body.data()),
                  static_cast<std::streamsize>(call.body.size()));
      }
      Poco::Net::HTTPResponse response;
      std::istream& in = session_->receiveResponse(response);
      answered_ = true;
      last_answer_ = std::chrono::steady_clock::now();
      Response r;
      r.status = static_cast<int>(response.getStatus());
      char buffer[16 * 1024];
      while (in) {
        in.read(buffer, sizeof buffer);
        r.body.append(buffer, static_cast<size_t>(in.gcount()));
        if (r.body.size() > kMaxResponseBytes) {
          session_.reset();
          return Status::Corruption(
              Failed(call.what, core::Tr("The server's answer is too large.")));
        }
      }
      if (!response.getKeepAlive()) session_.reset();
      return r;
    } catch (const Poco::Net::CertificateValidationException&) {
      session_.reset();
      return Status::Refused(
          core::Format(core::Tr("not connecting to %1: its certificate is for another host name."),
                       address_.ToUrl()) +
          CaHint());
    } catch (const Poco::Net::SSLException& e) {
      if (last_verify_error == 0) {
        // A TLS connection closed under a kept-alive session shows as one.
        if (auto again = stale([&] { return Send(call); })) return std::move(*again);
      }
      session_.reset();
      if (last_verify_error != 0) return CertificateError(address_, last_verify_error);
      // TRANSLATORS: %1 is the server's address, %2 the TLS library's reason.
      return Status::Refused(core::Format(core::Tr("a secure connection to %1 could not be made (%2)"),
                                          address_.ToUrl(), e.displayText()));
    } catch (const Poco::TimeoutException&) {
      session_.reset();
      return Status::Unavailable(Failed(
          // TRANSLATORS: %1 is the server's address.
          call.what, core::Format(core::Tr("%1 did not answer in time."), address_.ToUrl())));
    } catch (const Poco::Net::NetException& e) {
      if (auto again = stale([&] { return Send(call); })) return std::move(*again);
      session_.reset();
      return Status::Unavailable(Failed(
          // TRANSLATORS: %1 is the server's address, %2 the network library's
          // reason, in English.
          call.what, core::Format(core::Tr("Cannot reach %1 (%2)."), address_.ToUrl(), e.displayText())));
    } catch (const Poco::Exception& e) {
      if (auto again = stale([&] { return Send(call); })) return std::move(*again);
      session_.reset();
      // TRANSLATORS: %1 is the server's address, %2 the network library's
      // reason, in English.
      return Status::Unavailable(Failed(
          call.what, core::Format(core::Tr("Cannot reach %1 (%2)."), address_.ToUrl(), e.displayText())));
    } catch (const std::exception& e) {
      session_.reset();
      return Status::Unavailable(Failed(
          call.what, core::Format(core::Tr("Cannot reach %1 (%2)."), address_.ToUrl(), e.what())));
    }
  }

  // Sends and turns any non-2xx answer into a Status.
  Result<Response> Expect(const Call& call) {
    auto r = Send(call);
    if (!r.ok()) return r;
    if (r->status < 200 || r->status >= 300) return HttpError(r->status, r->body, call.what);
    return r;
  }

  Result<Response> Json(std::string method, std::string path, std::string what,
                        const std::string& bearer, const Value* body = nullptr) {
    std::string text;
    if (body != nullptr) text = core::json::Write(*body);
    Call call{std::move(method),
              std::move(path),
              std::move(what),
              bearer,
              std::string(kJsonContentType),
              core::crypto::ByteView(reinterpret_cast<const uint8_t*>(text.data()), text.size()),
              {}};
    return Expect(call);
  }

 private:
  ServerAddress address_;
  Poco::Net::Context::Ptr context_;
  int timeout_;
  std::unique_ptr<Poco::Net::HTTPSClientSession> session_;
  bool answered_ = false;  // the current request got a response (then it is never resent)
  // Below every keep-alive timeout a server is likely to use.
  static constexpr std::chrono::seconds kIdleReuse{2};
  std::chrono::steady_clock::time_point last_answer_{};
};

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::~Connection() = default;

const ServerAddress& Connection::address() const { return impl_->address(); }

Result<std::unique_ptr<Connection>> Connection::Open(std::string_view url,
                                                     const ConnectionOptions& options) {
  auto address = ServerAddress::Parse(url);
  if (!address.ok()) return address.status();
  if (!options.ca_file.empty() && !std::ifstream(options.ca_file).good()) {
    return Status::InvalidArgument(
        core::Format(core::Tr("cannot read the certificate file %1"), options.ca_file));
  }
  InitializeOnce();
  Poco::Net::Context::Params params;
  params.caLocation = options.ca_file;
  params.loadDefaultCAs = options.ca_file.empty();
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.verificationDepth = 9;
  Poco::Net::Context::Ptr context;
  try {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument(core::Format(core::Tr("cannot use the certificate file %1 (%2)"),
                                                options.ca_file, e.displayText()));
  }
  return std::unique_ptr<Connection>(new Connection(
      std::make_unique<Impl>(*address, std::move(context), options.timeout_seconds)));
}

Status Connection::Health() {
  auto r = impl_->Json("GET", std::string(path::kHealth), N_("could not check the server."), "");
  return r.ok() ? Status::Ok() : r.status();
}

Result<ServerLimits> Connection::Limits() {
  auto r = impl_->Json("GET", std::string(path::kHealth), N_("could not check the server."), "");
  if (!r.ok()) return r.status();
  return ParseBody<ServerLimits>(*r, N_("could not check the server."));
}

Result<LoginResponse> Connection::Login(std::string_view email, std::string_view password) {
  const Value body = LoginRequest{std::string(email), std::string(password)}.ToJson();
  auto r = impl_->Json("POST", std::string(path::kLogin), N_("could not sign in."), "", &body);
  if (!r.ok()) return r.status();
  return ParseBody<LoginResponse>(*r, N_("could not sign in."));
}

Status Connection::Logout(const std::string& token) {
  auto r = impl_->Json("POST", std::string(path::kLogout), N_("could not sign out."), token);
  return r.ok() ? Status::Ok() : r.status();
}

Result<ClinicianKeys> Connection::GetKeys(const std::string& token) {
  auto r = impl_->Json("GET", std::string(path::kKeys), N_("could not read your keys."), token);
  if (!r.ok()) return r.status();
  return ParseBody<ClinicianKeys>(*r, N_("could not read your keys."));
}

Result<ClinicianKeys> Connection::PutKeys(const std::string& token, const KeysRequest& keys) {
  const Value body = keys.ToJson();
  auto r = impl_->Json("PUT", std::string(path::kKeys), N_("could not publish your keys."), token, &body);
  if (!r.ok()) return r.status();
  return ParseBody<ClinicianKeys>(*r, N_("could not publish your keys."));
}

Result<InviteResponse> Connection::CreateInvite(const std::string& token) {
  auto r = impl_->Json("POST", std::string(path::kInvites), N_("could not make an invite."), token);
  if (!r.ok()) return r.status();
  return ParseBody<InviteResponse>(*r, N_("could not make an invite."));
}

Result<std::vector<LinkSummary>> Connection::ListLinks(const std::string& token) {
  auto r = impl_->Json("GET", std::string(path::kLinks), N_("could not list your clients."), token);
  if (!r.ok()) return r.status();
  return ParseList<LinkSummary>(*r, "links", N_("could not list your clients."));
}

Status Connection::EndLink(const std::string& token, const std::string& client_id) {
  if (!ValidId(client_id))
    return Status::InvalidArgument(core::Format(core::Tr("'%1' is not a client id"), client_id));
  auto r =
      impl_->Json("DELETE", std::string(path::kLinks) + "/" + client_id, N_("could not end the link."), token);
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::vector<ReportInfo>> Connection::ListReports(const std::string& token) {
  auto r = impl_->Json("GET", std::string(path::kReports), N_("could not list reports."), token);
  if (!r.ok()) return r.status();
  return ParseList<ReportInfo>(*r, "reports", N_("could not list reports."));
}

Result<core::crypto::Bytes> Connection::DownloadReport(const std::string& token,
                                                       const std::string& report_id) {
  if (!ValidId(report_id)) {
    return Status::InvalidArgument(core::Format(core::Tr("'%1' is not a report id"), report_id));
  }
  Impl::Call call{
      "GET", std::string(path::kReports) + "/" + report_id, N_("could not download the report."), token, "", {},
      {}};
  auto r = impl_->Expect(call);
  if (!r.ok()) return r.status();
  return core::crypto::Bytes(r->body.begin(), r->body.end());
}

Status Connection::MarkOpened(const std::string& token, const std::string& report_id) {
  if (!ValidId(report_id)) {
    return Status::InvalidArgument(core::Format(core::Tr("'%1' is not a report id"), report_id));
  }
  auto r = impl_->Json(
      "POST", std::string(path::kReports) + "/" + report_id + std::string(path::kOpenedSuffix),
      N_("could not mark the report opened."), token);
  return r.ok() ? Status::Ok() : r.status();
}

Result<PairResponse> Connection::Pair(std::string_view code, std::string_view client_key_hex) {
  const Value body = PairRequest{std::string(code), std::string(client_key_hex)}.ToJson();
  auto r = impl_->Json("POST", std::string(path::kPair), N_("could not redeem the invite code."), "", &body);
  if (!r.ok()) {
    if (r.status().IsNotFound()) {
      return Status::NotFound(
          core::Tr("the server does not know that invite code, or it was used or has expired; "
                   "ask your therapist for a new one"));
    }
    return r.status();
  }
  return ParseBody<PairResponse>(*r, N_("could not redeem the invite code."));
}

Result<LinkInfo> Connection::GetLink(const std::string& credential) {
  auto r = impl_->Json("GET", std::string(path::kLink), N_("could not read the link."), credential);
  if (!r.ok()) return r.status();
  return ParseBody<LinkInfo>(*r, N_("could not read the link."));
}

Status Connection::RemoveLink(const std::string& credential) {
  auto r = impl_->Json("DELETE", std::string(path::kLink), N_("could not end the link."), credential);
  return r.ok() ? Status::Ok() : r.status();
}

Result<ReportUploaded> Connection::Upload(const std::string& credential,
                                          core::crypto::ByteView envelope, const UploadMeta& meta) {
  Impl::Call call{"POST",     std::string(path::kReports),       N_("could not upload the report."),
                  credential, std::string(kEnvelopeContentType), envelope,
                  {}};
  call.headers.emplace_back(header::kPeriodEnd, meta.period_end);
  if (meta.expires_at != 0)
    call.headers.emplace_back(header::kExpiresAt, FormatTime(meta.expires_at));
  call.headers.emplace_back(header::kSha256,
                            core::crypto::HexEncode(core::crypto::Sha256(envelope)));
  auto r = impl_->Expect(call);
  if (!r.ok()) return r.status();
  return ParseBody<ReportUploaded>(*r, N_("could not upload the report."));
}

Status Connection::Withdraw(const std::string& credential, const std::string& report_id) {
  if (!ValidId(report_id)) {
    return Status::InvalidArgument(core::Format(core::Tr("'%1' is not a report id"), report_id));
  }
  auto r = impl_->Json("DELETE", std::string(path::kReports) + "/" + report_id,
                       N_("could not withdraw the report."), credential);
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::vector<Receipt>> Connection::Receipts(const std::string& credential) {
  auto r = impl_->Json("GET", std::string(path::kReceipts), N_("could not read the receipts."), credential);
  if (!r.ok()) return r.status();
  return ParseList<Receipt>(*r, "receipts", N_("could not read the receipts."));
}

}  // namespace fieldnotes::sync
