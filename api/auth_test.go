package api_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
)

const (
	aliceSecret = "alice-secret-0123456789"
	bobSecret   = "bob-reader-secret-98765"
	carolSecret = "carol-secret-abcdefghij"
)

func mustAuth(t *testing.T, tokens ...api.Token) *api.Auth {
	t.Helper()
	a, err := api.NewAuth(tokens)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

const sampleDoc = "Aleppo, 3 May 2016. At least 12 civilians were killed when shells hit a market, the Syrian Observatory for Human Rights said."

func TestAccessControl(t *testing.T) {
	writers := []api.Token{{Name: "alice", Role: api.RoleWrite, Secret: aliceSecret}, {Name: "carol", Role: api.RoleWrite, Secret: carolSecret}}
	reader := api.Token{Name: "bob", Role: api.RoleRead, Secret: bobSecret}
	type req struct {
		method, path, token string
		want                int
		code                string // error code when want >= 400
		says                string // part of the error message
	}
	post := func(token string, want int, code, says string) req {
		return req{"POST", "/v1/documents", token, want, code, says}
	}
	for _, c := range []struct {
		name   string
		auth   *api.Auth
		checks []req
	}{
		{"private reads", mustAuth(t, append(writers, reader)...), []req{
			{"GET", "/v1/documents", "", 401, "unauthorized", "needs a token"},
			{"GET", "/v1/documents", bobSecret, 200, "", ""},
			{"GET", "/v1/documents", aliceSecret, 200, "", ""},
			{"GET", "/v1/documents", "wrong-secret-0123456789", 401, "unauthorized", "not valid"},
			{"GET", "/metrics", "", 401, "unauthorized", ""},
			{"GET", "/metrics", bobSecret, 200, "", ""},
			{"GET", "/healthz", "", 200, "", ""},
			{"GET", "/readyz", "", 200, "", ""},
			{"GET", "/openapi.json", "", 200, "", ""},
			post("", 401, "unauthorized", "needs a token"),
			post(bobSecret, 403, "forbidden", "write token"),
			post(aliceSecret, 201, "", ""),
			post(carolSecret, 200, "", ""),
			{"DELETE", "/v1/judgements/00000000-0000-0000-0000-000000000001", bobSecret, 403, "forbidden", ""},
			{"DELETE", "/v1/judgements/00000000-0000-0000-0000-000000000001", "", 401, "unauthorized", ""},
			// A future write route is covered too: the method decides.
			{"PUT", "/v1/documents", bobSecret, 403, "forbidden", ""},
		}},
		{"open reads", mustAuth(t, writers...), []req{
			{"GET", "/v1/documents", "", 200, "", ""},
			{"GET", "/v1/documents", "wrong-secret-0123456789", 401, "unauthorized", "not valid"},
			post("", 401, "unauthorized", "needs a token"),
			post(aliceSecret, 201, "", ""),
		}},
		{"no token configured", mustAuth(t), []req{
			{"GET", "/v1/documents", "", 200, "", ""},
			post("", 401, "unauthorized", "CLAIMGRAPH_WRITE_TOKEN"),
			post(aliceSecret, 401, "unauthorized", "no write token is configured"),
			{"POST", "/v1/links", "", 401, "unauthorized", "no write token"},
			{"POST", "/v1/judgements", "", 401, "unauthorized", "no write token"},
		}},
		{"no access control", nil, []req{
			post("", 201, "", ""),
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newOpsServer(t, api.Config{Auth: c.auth})
			for _, r := range c.checks {
				var res reply
				if r.method == "POST" && r.path == "/v1/documents" {
					res = send(t, r.method, s.url+r.path, "application/json", r.token, docJSON(sampleDoc))
				} else {
					res = send(t, r.method, s.url+r.path, "", r.token, nil)
				}
				if res.status != r.want {
					t.Errorf("%s %s (token %q): %d, want %d: %s", r.method, r.path, r.token, res.status, r.want, res.body)
					continue
				}
				if r.want >= 400 {
					if res.errorCode() != r.code || !strings.Contains(res.message(), r.says) {
						t.Errorf("%s %s: error %s, want code %q saying %q", r.method, r.path, res.body, r.code, r.says)
					}
					if r.want == 401 && res.header.Get("WWW-Authenticate") == "" {
						t.Errorf("%s %s: 401 without WWW-Authenticate", r.method, r.path)
					}
				}
			}
			for _, secret := range []string{aliceSecret, bobSecret, carolSecret} {
				if strings.Contains(s.log.String(), secret) {
					t.Fatalf("a token appears in the server log")
				}
			}
		})
	}
}

// TestActorIsTheTokenName checks that every analyst action records the
// name of the token that made it.
func TestActorIsTheTokenName(t *testing.T) {
	auth := mustAuth(t, api.Token{Name: "alice", Role: api.RoleWrite, Secret: aliceSecret}, api.Token{Name: "carol", Role: api.RoleWrite, Secret: carolSecret})
	s := newOpsServer(t, api.Config{Auth: auth})
	r := send(t, "POST", s.url+"/v1/documents", "application/json", aliceSecret, docJSON(sampleDoc))
	if r.status != 201 {
		t.Fatalf("POST document = %v", r)
	}
	var ing api.IngestResponse
	if err := json.Unmarshal(r.body, &ing); err != nil || len(ing.Entities) == 0 {
		t.Fatalf("ingest response: %v %v", err, r)
	}
	var target string
	for _, e := range ing.Entities {
		if e.Kind == "organization" || e.Kind == "organisation" {
			target = e.ID.String()
		}
	}
	if target == "" {
		target = ing.Entities[0].ID.String()
	}
	body := `{"kind":"reliability","targets":["` + target + `"],"value":"B","reason":"track record"}`
	r = send(t, "POST", s.url+"/v1/judgements", "application/json", aliceSecret, strings.NewReader(body))
	if r.status != 201 {
		t.Fatalf("POST judgement = %v", r)
	}
	var j struct {
		ID        string `json:"id"`
		Author    string `json:"author"`
		RevokedBy string `json:"revoked_by"`
	}
	if err := json.Unmarshal(r.body, &j); err != nil || j.Author != "alice" {
		t.Fatalf("judgement author %q, want alice: %v", j.Author, r)
	}
	r = send(t, "DELETE", s.url+"/v1/judgements/"+j.ID, "", carolSecret, nil)
	if err := json.Unmarshal(r.body, &j); r.status != 200 || err != nil || j.RevokedBy != "carol" || j.Author != "alice" {
		t.Fatalf("DELETE judgement: revoked by %q: %v", j.RevokedBy, r)
	}
}

func TestNewAuthRefusesWeakConfigurations(t *testing.T) {
	for _, c := range []struct {
		name   string
		tokens []api.Token
		says   string
	}{
		{"short secret", []api.Token{{Name: "a", Role: "write", Secret: "short"}}, "shorter"},
		{"bad role", []api.Token{{Name: "a", Role: "admin", Secret: aliceSecret}}, "role"},
		{"no name", []api.Token{{Name: "", Role: "read", Secret: aliceSecret}}, "name"},
		{"same name", []api.Token{{Name: "a", Role: "read", Secret: aliceSecret}, {Name: "a", Role: "write", Secret: bobSecret}}, "twice"},
		{"same secret", []api.Token{{Name: "a", Role: "read", Secret: aliceSecret}, {Name: "b", Role: "write", Secret: aliceSecret}}, "same secret"},
	} {
		_, err := api.NewAuth(c.tokens)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: err %v, want one saying %q", c.name, err, c.says)
		} else if strings.Contains(err.Error(), aliceSecret) {
			t.Errorf("%s: the error shows the secret", c.name)
		}
	}
	a := mustAuth(t, api.Token{Name: "bob", Role: api.RoleRead, Secret: bobSecret})
	if a.ReadOpen() || a.Writable() {
		t.Fatalf("a read token: ReadOpen %v Writable %v", a.ReadOpen(), a.Writable())
	}
}

func TestTokenFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "tokens")
	text := "# analysts\nalice write " + aliceSecret + "\n\n  bob read " + bobSecret + "  \n"
	if err := os.WriteFile(good, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	ts, err := api.ReadTokenFile(good)
	if err != nil {
		t.Fatal(err)
	}
	want := []api.Token{{Name: "alice", Role: "write", Secret: aliceSecret}, {Name: "bob", Role: "read", Secret: bobSecret}}
	if len(ts) != 2 || ts[0] != want[0] || ts[1] != want[1] {
		t.Fatalf("tokens %+v", ts)
	}

	open := filepath.Join(dir, "open")
	if err := os.WriteFile(open, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ReadTokenFile(open); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("world-readable token file: %v", err)
	}

	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, []byte("alice write "+aliceSecret+" extra\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = api.ReadTokenFile(bad)
	if err == nil || !strings.Contains(err.Error(), "line 1") || strings.Contains(err.Error(), aliceSecret) {
		t.Fatalf("bad line: %v", err)
	}
}
