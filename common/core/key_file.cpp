#include "core/key_file.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/atomic_file.h"
#include "core/json.h"
#include "core/json_binding.h"

namespace fieldnotes::core {
namespace {

constexpr std::string_view kFormat = "fieldnotes-keys/v1";
constexpr std::string_view kAadLabel = "fieldnotes/keyfile/v1";
constexpr size_t kMaxKeyFileBytes = size_t{16} * 1024;
constexpr std::string_view kSigningKeyRecord = "signing-key";

std::string Aad(const std::string& kdf) {
  std::string aad(kAadLabel);
  aad += '\0';
  aad += kdf;
  return aad;
}

}  // namespace

Result<ClinicianKeys> ClinicianKeys::Generate() {
  auto sealing = crypto::X25519KeyPair::Generate();
  if (!sealing.ok()) return sealing.status();
  auto signing = crypto::Ed25519KeyPair::Generate();
  if (!signing.ok()) return signing.status();
  return ClinicianKeys{std::move(*sealing), std::move(*signing)};
}

Status WriteKeyFile(const std::string& path, std::string_view passphrase, const ClinicianKeys& keys,
                    int kdf_log2_n) {
  if (passphrase.empty()) return Status::InvalidArgument("the passphrase is empty");
  auto params = crypto::KdfParams::Generate(kdf_log2_n);
  if (!params.ok()) return params.status();
  auto kek = crypto::Scrypt(passphrase, *params);
  if (!kek.ok()) return kek.status();
  const std::string kdf = params->Serialize();

  json::Object secret;
  secret.Set("x25519", crypto::HexEncode(keys.sealing.private_key.view()));
  secret.Set("ed25519", crypto::HexEncode(keys.signing.private_key.view()));
  crypto::SecureString plain(json::Write(json::Value(std::move(secret))));
  uint8_t nonce[crypto::kGcmNonceBytes];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(nonce));
  const std::string aad = Aad(kdf);
  auto sealed =
      crypto::AesGcmSeal(kek->view(), nonce, crypto::AsBytes(aad), crypto::AsBytes(plain.str()));
  if (!sealed.ok()) return sealed.status();

  json::Object file;
  file.Set("format", std::string(kFormat));
  file.Set("kdf", kdf);
  file.Set("x25519_public", crypto::HexEncode(keys.sealing.public_key));
  file.Set("ed25519_public", crypto::HexEncode(keys.signing.public_key));
  file.Set("nonce", crypto::HexEncode(nonce));
  file.Set("sealed", crypto::HexEncode(*sealed));
  const std::string text = json::WritePretty(json::Value(std::move(file))) + "\n";

  return WriteFileAtomically(path, text, AtomicWrite::kCreateNew);
}

Result<ClinicianKeys> ReadKeyFile(const std::string& path, std::string_view passphrase) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::NotFound("no key file at " + path);
  if (st.st_size > static_cast<off_t>(kMaxKeyFileBytes))
    return Status::Corruption("not a Fieldnotes key file (too large)");
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  if (!in.good() && !in.eof()) return Status::IoError("cannot read " + path);

  auto bad = [] { return Status::Corruption("not a Fieldnotes key file, or a damaged one"); };
  auto value = json::Parse(text);
  if (!value.ok()) return bad();
  json::Reader header(std::move(value).value(), "the key file");
  std::string format, kdf_text, nonce_hex, sealed_hex;
  header.Required("format", format)
      .Check("format", format == kFormat, "is not a Fieldnotes key file's")
      .Required("kdf", kdf_text)
      .Required("nonce", nonce_hex)
      .Required("sealed", sealed_hex);
  if (!header.ok()) return header.status();
  const std::string* kdf = &kdf_text;
  auto params = crypto::KdfParams::Parse(*kdf);  // bounds checked before any work
  if (!params.ok()) return params.status().WithContext("the key file's header");
  auto nonce = crypto::HexDecode(nonce_hex);
  auto sealed = crypto::HexDecode(sealed_hex);
  if (!nonce.ok() || nonce->size() != crypto::kGcmNonceBytes || !sealed.ok()) return bad();

  auto kek = crypto::Scrypt(passphrase, *params);
  if (!kek.ok()) return kek.status();
  const std::string aad = Aad(*kdf);
  auto plain = crypto::AesGcmOpen(kek->view(), *nonce, crypto::AsBytes(aad), *sealed);
  if (!plain.ok()) return Status::WrongPassphrase();
  auto secret = json::Parse(crypto::AsChars(plain->view()));
  if (!secret.ok()) return bad();
  json::Reader keys(std::move(secret).value(), "the key file's keys");
  std::string x_hex, e_hex;
  keys.Required("x25519", x_hex).Required("ed25519", e_hex);
  auto x_raw = crypto::HexDecode(x_hex);
  auto e_raw = crypto::HexDecode(e_hex);
  OPENSSL_cleanse(x_hex.data(), x_hex.size());
  OPENSSL_cleanse(e_hex.data(), e_hex.size());
  if (!keys.ok()) return keys.status();
  if (!x_raw.ok() || !e_raw.ok()) return bad();
  crypto::SecureBytes x_key(*x_raw), e_key(*e_raw);
  OPENSSL_cleanse(x_raw->data(), x_raw->size());
  OPENSSL_cleanse(e_raw->data(), e_raw->size());
  auto sealing = crypto::X25519KeyPair::FromPrivate(x_key.view());
  auto signing = crypto::Ed25519KeyPair::FromPrivate(e_key.view());
  if (!sealing.ok() || !signing.ok()) return bad();
  return ClinicianKeys{std::move(*sealing), std::move(*signing)};
}

Result<crypto::Ed25519KeyPair> LoadOrCreateSigningKey(Journal& journal) {
  auto record = journal.GetRecord(Table::kSettings, kSigningKeyRecord);
  if (record.ok()) {
    auto raw = crypto::HexDecode(record->str());
    if (!raw.ok() || raw->size() != crypto::kEd25519PrivateKeyBytes)
      return Status::Corruption("the journal's signing key is damaged");
    crypto::SecureBytes seed(*raw);
    OPENSSL_cleanse(raw->data(), raw->size());
    return crypto::Ed25519KeyPair::FromPrivate(seed.view());
  }
  if (!record.status().IsNotFound()) return record.status();
  auto pair = crypto::Ed25519KeyPair::Generate();
  if (!pair.ok()) return pair.status();
  crypto::SecureString hex(crypto::HexEncode(pair->private_key.view()));
  FN_RETURN_IF_ERROR(journal.PutRecord(Table::kSettings, kSigningKeyRecord, hex.str()));
  return pair;
}

}  // namespace fieldnotes::core
