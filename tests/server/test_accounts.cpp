// Accounts, sessions and login throttling.
#include <algorithm>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "server/password.h"
#include "server/secrets.h"
#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

std::string LoginBody(const std::string& email, const std::string& password) {
  return JsonBody({{"email", email}, {"password", password}});
}

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_AUTO_TEST_CASE(login_gives_a_working_token) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  BOOST_TEST(c.token.size() == 64u);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);  // authenticated: no keys yet
  BOOST_TEST(f.Get("/v1/keys").status == 401);
  // Emails are case-insensitive.
  BOOST_TEST(f.Post("/v1/login", LoginBody("DR.A@Example.org", kPassword)).status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_user_and_wrong_password_get_the_same_answer) {
  ServerFixture f;
  f.AddClinician("dr.a@example.org");
  Response wrong = f.Post("/v1/login", LoginBody("dr.a@example.org", "not the password!"));
  Response unknown = f.Post("/v1/login", LoginBody("nobody@example.org", kPassword));
  Response invalid = f.Post("/v1/login", LoginBody("not an email", kPassword));
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(invalid.status == 401);
  BOOST_TEST(wrong.body == unknown.body);
  BOOST_TEST(wrong.body == invalid.body);
}

BOOST_AUTO_TEST_CASE(password_policy) {
  using server::CheckPasswordPolicy;
  BOOST_TEST(!CheckPasswordPolicy("short pw 1", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy(std::string(129, 'x') + "y", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("password1234", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("Password1234", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("qwertyuiop123", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("aaaaaaaaaaaaaaaa", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("dr.long@example.org", "dr.long@example.org").ok());
  BOOST_TEST(!CheckPasswordPolicy("bad utf8 \xC3\x28 here", "a@b.c").ok());
  BOOST_TEST(CheckPasswordPolicy("harbour lights 7", "a@b.c").ok());
  // 12 characters counted as code points, not bytes.
  BOOST_TEST(CheckPasswordPolicy("ééééééééééé1", "a@b.c").ok());
  BOOST_TEST(!CheckPasswordPolicy("éééééééééé1", "a@b.c").ok());
  BOOST_TEST(CheckPasswordPolicy(std::string(127, 'x') + "y", "a@b.c").ok());

  ServerFixture f;
  BOOST_TEST(!f.server().services().accounts.AddClinician("x@example.org", "password1234").ok());
  BOOST_TEST(!f.server().services().accounts.AddClinician("no-at-sign", kPassword).ok());
  BOOST_TEST(f.server().services().accounts.AddClinician("x@example.org", kPassword).ok());
  BOOST_TEST(!f.server().services().accounts.AddClinician("X@example.org", kPassword).ok());
}

BOOST_AUTO_TEST_CASE(logout_ends_the_session) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  BOOST_TEST(f.Post("/v1/logout", "", c.token).status == 204);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 401);
  BOOST_TEST(f.Post("/v1/logout", "", c.token).status == 401);
}

BOOST_AUTO_TEST_CASE(sessions_expire_when_idle_and_absolutely) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.clock().Advance(f.config().session_idle_seconds - 120);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);  // used: idle clock restarts
  f.clock().Advance(f.config().session_idle_seconds - 120);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);
  f.clock().Advance(f.config().session_idle_seconds + 1);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 401);

  // Used often, a session still ends at its absolute expiry.
  const std::string token = f.Login(c.email, c.password);
  const int64_t step = f.config().session_idle_seconds / 2;
  for (int64_t t = 0; t + step < f.config().session_absolute_seconds; t += step) {
    BOOST_REQUIRE(f.Get("/v1/keys", token).status == 404);
    f.clock().Advance(step);
  }
  f.clock().Advance(step);
  BOOST_TEST(f.Get("/v1/keys", token).status == 401);
}

BOOST_AUTO_TEST_CASE(the_purge_deletes_idle_and_expired_sessions) {
  ServerFixture f;
  const int64_t idle = f.config().session_idle_seconds;
  Clinician c = f.AddClinician("dr.a@example.org");
  const std::string busy = f.Login(c.email, c.password);
  auto stored = [&](const std::string& token) {
    return f.storage().FindSession(server::HashSecret("session", token)).ok();
  };
  auto purge = [&] { (void)f.server().services().reports.PurgeExpired(); };

  // A second before its idle expiry a session is kept...
  f.clock().Advance(idle - 1);
  BOOST_REQUIRE(f.Get("/v1/keys", busy).status == 404);  // used: its idle clock restarts
  purge();
  BOOST_TEST(stored(c.token));
  // ...and from the moment it is refused, the purge deletes it.
  f.clock().Advance(1);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 401);
  purge();
  BOOST_TEST(!stored(c.token));
  BOOST_TEST(stored(busy));
  BOOST_TEST(f.Get("/v1/keys", busy).status == 404);

  // A session used all along goes at its absolute expiry.
  const int64_t step = idle / 2;
  for (int64_t t = idle; t + step < f.config().session_absolute_seconds; t += step) {
    f.clock().Advance(step);
    BOOST_REQUIRE(f.Get("/v1/keys", busy).status == 404);
    purge();
    BOOST_REQUIRE(stored(busy));
  }
  f.clock().Advance(step);
  BOOST_TEST(f.Get("/v1/keys", busy).status == 401);
  purge();
  BOOST_TEST(!stored(busy));
}

BOOST_AUTO_TEST_CASE(password_change_ends_every_session) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  const std::string second = f.Login(c.email, c.password);
  const std::string new_password = "a different passphrase 2";
  Response wrong = f.Post(
      "/v1/password",
      JsonBody({{"current_password", "not it at all"}, {"new_password", new_password}}), c.token);
  BOOST_TEST(wrong.status == 403);
  Response weak = f.Post(
      "/v1/password", JsonBody({{"current_password", kPassword}, {"new_password", "password1234"}}),
      c.token);
  BOOST_TEST(weak.status == 400);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);  // failures changed nothing
  Response changed =
      f.Post("/v1/password",
             JsonBody({{"current_password", kPassword}, {"new_password", new_password}}), c.token);
  BOOST_TEST(changed.status == 204);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 401);
  BOOST_TEST(f.Get("/v1/keys", second).status == 401);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 401);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, new_password)).status == 200);
}

BOOST_AUTO_TEST_CASE(reset_and_disable_by_the_operator) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  auto& accounts = f.server().services().accounts;
  BOOST_TEST(accounts.ResetPassword(c.email, "operator chosen pass 3").ok());
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 401);
  const std::string token = f.Login(c.email, "operator chosen pass 3");
  BOOST_TEST(accounts.SetDisabled(c.email, true).ok());
  BOOST_TEST(f.Get("/v1/keys", token).status == 401);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, "operator chosen pass 3")).status == 401);
  BOOST_TEST(accounts.SetDisabled(c.email, false).ok());
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, "operator chosen pass 3")).status == 200);
  BOOST_TEST(accounts.SetDisabled("nobody@example.org", true).IsNotFound());
  BOOST_TEST(accounts.List().size() == 1u);
}

BOOST_AUTO_TEST_CASE(throttled_per_address_after_ten_failures_in_a_minute) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  for (int i = 0; i < 10; ++i) {
    // Spread over accounts: the address limit is what is tested.
    const std::string email = "guess" + std::to_string(i) + "@example.org";
    BOOST_REQUIRE(f.Post("/v1/login", LoginBody(email, "wrong wrong wrong")).status == 401);
  }
  Response throttled = f.Post("/v1/login", LoginBody(c.email, kPassword));
  BOOST_TEST(throttled.status == 429);
  BOOST_TEST(throttled.Error() == "throttled");
  BOOST_TEST(std::stoi(throttled.headers["Retry-After"]) > 0);
  BOOST_TEST(std::stoi(throttled.headers["Retry-After"]) <= 60);
  // Existing sessions are not affected.
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 200);
}

BOOST_AUTO_TEST_CASE(forty_guesses_at_once_meet_the_limit_of_ten_as_ten) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  // Each attempt is reserved before the slow hash: however the forty
  // interleave, exactly ten are tried and thirty are turned away.
  std::vector<int> statuses(40);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = f.Post("/v1/login", LoginBody(c.email, "wrong wrong wrong")).status;
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(std::count(statuses.begin(), statuses.end(), 401) == 10);
  BOOST_TEST(std::count(statuses.begin(), statuses.end(), 429) == 30);
  // A right password from the same address waits for the window like the rest.
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 429);
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 200);
  // A success gives its attempt back: ten more logins in the window still work.
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 200);
}

BOOST_AUTO_TEST_CASE(throttled_per_account_after_a_hundred_failures_in_a_row) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  // A success resets the count.
  for (int i = 0; i < 50; ++i) {
    if (i % 10 == 0) f.clock().Advance(61);  // stay under the per-address limit
    BOOST_REQUIRE(f.Post("/v1/login", LoginBody(c.email, "wrong wrong wrong")).status == 401);
  }
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 200);
  for (int i = 0; i < 100; ++i) {
    if (i % 10 == 0) f.clock().Advance(61);
    BOOST_REQUIRE(f.Post("/v1/login", LoginBody(c.email, "wrong wrong wrong")).status == 401);
  }
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 429);
  // The same for an account that does not exist: no way to tell them apart.
  for (int i = 0; i < 100; ++i) {
    if (i % 10 == 0) f.clock().Advance(61);
    BOOST_REQUIRE(f.Post("/v1/login", LoginBody("ghost@example.org", "wrong wrong")).status == 401);
  }
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/login", LoginBody("ghost@example.org", "x")).status == 429);
  f.clock().Advance(f.config().login_account_window_seconds);
  BOOST_TEST(f.Post("/v1/login", LoginBody(c.email, kPassword)).status == 200);
}

BOOST_AUTO_TEST_CASE(secrets_are_stored_hashed) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string file = f.DatabaseFileBytes();
  BOOST_TEST(file.find(c.token) == std::string::npos);
  BOOST_TEST(file.find(client.credential) == std::string::npos);
  BOOST_TEST(file.find(kPassword) == std::string::npos);
  BOOST_TEST(file.find("dr.a@example.org") != std::string::npos);  // the check can see text
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
