#!/usr/bin/env bash
# queries.sh: regenerate examples/queries.md from a real server.
#
# It builds claimgraph, serves the example corpus from an in-memory store on
# a free loopback port, sends each request below with curl, and writes the
# requests with their real answers (shortened with jq where they are long)
# to examples/queries.md. Needs curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."

out=examples/queries.md
bin=$(mktemp -d)/claimgraph
go build -o "$bin" ./cmd/claimgraph
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export CLAIMGRAPH_WRITE_TOKEN=example-token-0123456789
"$bin" serve --db memory: --addr "127.0.0.1:$port" --load examples/corpus 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.1; done
H="localhost:$port"

# q TITLE COMMAND JQ: runs COMMAND (with $H), filters its answer with JQ.
q() {
	local title=$1 cmd=$2 filter=$3
	local shown=${cmd//\$H/localhost:8080}
	shown=${shown//$CLAIMGRAPH_WRITE_TOKEN/\$TOKEN}
	{
		echo "### $title"
		echo
		echo '```sh'
		echo "$shown${filter:+ | jq '$filter'}"
		echo '```'
		echo
		echo '```json'
		if [[ "$cmd" == *"format=gexf"* ]]; then eval "$cmd"; else eval "$cmd" | jq "${filter:-.}"; fi
		echo '```'
		echo
	} >>"$out"
}

cat >"$out" <<'MD'
# Example queries

Real requests against `go run ./cmd/claimgraph serve --load examples/corpus`, with the
answers they gave (long answers shortened with `jq`, as shown). Regenerate with
`bash scripts/queries.sh`. Ids are derived from content, so they are the same on every
machine. Writes need a token: start the server with `CLAIMGRAPH_WRITE_TOKEN=...` and send
`Authorization: Bearer $TOKEN`.

MD

q "Every document, by date" 'curl -s "$H/v1/documents"' '[.items[] | {id, file, date, author}]'
q "The strike, by place (any spelling) and date" 'curl -s "$H/v1/events?q=al-Qosur&date=2017-10-23"' '[.items[] | {id, title, documents, contested, contested_attributes}]'
EV=$(curl -s "$H/v1/events?q=Qusur&date=2017-10-23" | jq -r '.items[0].id')
q "The event, with its grade and the grade of each allegation" "curl -s \$H/v1/events/$EV" '{title, date, place, grade, allegations: [.allegations[] | {perpetrator: .perpetrator.name, grade: .grade.grade}]}'
q "Who reported it, in date order, with stance, independence group and first appearance" "curl -s \$H/v1/events/$EV/sources" '[.items[] | {file: .document.file, date: .document.date, speakers: [.speakers[] | {speaker: .speaker.name, stance, group: .group_name, first, first_for}]}]'
q "Where the accounts conflict, attribute by attribute" "curl -s \$H/v1/events/$EV/conflicts" '[.conflicts[] | {attribute, groups, values: [.values[] | {value, bound, text, sources: [.sources[].name], revised_by}]}]'
q "How the toll evolved" "curl -s \$H/v1/events/$EV/timeline" '[.points[] | select(.attribute == "killed") | {date, speaker: .speaker.name, text, revised_by}]'
q "Events whose accounts conflict, most contested first" 'curl -s "$H/v1/conflicts"' '[.items[] | {title: .event.title, groups, attributes}]'
q "The same place, whatever the spelling: Deir ez-Zor" 'curl -s "$H/v1/entities?q=Deir%20ez-Zor"' '[.items[] | {id, name, kind, place_type}]'
q "... and Dayr al-Zawr" 'curl -s "$H/v1/entities?q=Dayr%20al-Zawr"' '[.items[] | {id, name, kind, place_type}]'
WIRE=$(curl -s "$H/v1/documents" | jq -r '.items[] | select(.file=="wire-2017-10-24.txt") | .id')
q "A wire report's claims: three speakers, one of them denying" "curl -s \$H/v1/documents/$WIRE/claims" '[.items[] | {text, speaker: .speaker.name, reported, polarity, kind, values: [.values[]? | {attribute, value, bound, text, span}]}]'
LETTER=$(curl -s "$H/v1/documents" | jq -r '.items[] | select(.file=="s-2017-893.txt") | .id')
FACE=$(curl -s "$H/v1/documents/$LETTER/claims?limit=100" | jq -r '.items[] | select(.text | test("face of the earth")) | .id')
q "Where a claim came from: the letter's \"wiped that city off the face of the earth\"" "curl -s \$H/v1/claims/$FACE/provenance" '{claim: .claim.text, chain: [.chain[] | {relation, entity: .entity.name, document: .document.file, note}], first_appearance: .first_appearance.file}'
q "Its links to other claims" "curl -s \$H/v1/claims/$FACE/links" '[.items[] | {relation, direction, origin, reason, other: {file: .other.document.file, text: .other.text}}]'
q "Ingest a document (a write: needs the token)" "curl -s -X POST \$H/v1/documents -H 'Authorization: Bearer $CLAIMGRAPH_WRITE_TOKEN' -H 'Content-Type: application/json' -d '{\"text\": \"Aleppo, 3 May 2016. At least 12 civilians were killed when shells hit a market in the Bustan al-Qasr district, the Syrian Observatory for Human Rights said.\", \"kind\": \"news report\", \"date\": \"2016-05-03\"}'" '{created, document: {id, date, dateline}, claims: [.claims[] | {text, speaker: .speaker.name, values: [.values[]? | {attribute, value, bound, who, text}]}], events}'
q "Without the token, a write is refused" "curl -s -X POST \$H/v1/documents -H 'Content-Type: text/plain' --data 'Shelling hit Homs.'" ''
q "An unknown id" 'curl -s "$H/v1/events/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d"' ''
q "The subgraph around the strike, for Gephi (GEXF), first lines" "curl -s \"\$H/v1/graph?focus=$EV&depth=1&format=gexf\" | head -c 600; echo" ''
echo "wrote $out"
