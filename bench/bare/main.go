// Command bare is the baseline of bench/http.sh: plain net/http handlers that
// return fixed bodies from memory, with nothing else (no middleware, no
// templates, no database). /page answers the HTML file given with -html,
// /json the JSON file given with -json (or, without it, 38 realistic gap rows
// shaped like GET /api/v1/gaps; -compact squeezes an indented file). It listens on a loopback address only and
// prints "listening on ADDR" once it is ready.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on (port 0 picks one)")
	htmlFile := flag.String("html", "", "body of /page (a saved dashboard page)")
	jsonFile := flag.String("json", "", "body of /json (a saved API answer); default: 38 generated gap rows")
	compact := flag.Bool("compact", false, "compact the -json file first (for indented `ladder gaps --json` output)")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		log.Fatalf("-addr %s: only loopback IP addresses are allowed", *addr)
	}
	page := []byte("<!doctype html><title>bare</title><p>bare</p>\n")
	if *htmlFile != "" {
		if page, err = os.ReadFile(*htmlFile); err != nil {
			log.Fatal(err)
		}
	}
	js := GapsJSON(38)
	if *jsonFile != "" {
		if js, err = os.ReadFile(*jsonFile); err != nil {
			log.Fatal(err)
		}
		if *compact {
			var b bytes.Buffer
			if err := json.Compact(&b, js); err != nil {
				log.Fatalf("%s: %v", *jsonFile, err)
			}
			js = append(b.Bytes(), '\n')
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("GET /json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(js)
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s (page %d B, json %d B)\n", ln.Addr(), len(page), len(js))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	log.Fatal(srv.Serve(ln))
}

// gap has the fields of one row of GET /api/v1/gaps (internal/api.Gap).
type gap struct {
	Competency  string  `json:"competency"`
	Name        string  `json:"name"`
	Area        string  `json:"area"`
	AreaName    string  `json:"area_name"`
	Required    int     `json:"required"`
	Current     float64 `json:"current"`
	Gap         float64 `json:"gap"`
	Importance  int     `json:"importance"`
	WeightedGap float64 `json:"weighted_gap"`
	Source      string  `json:"source"`
	Basis       string  `json:"basis"`
}

// GapsJSON returns n made-up but realistically sized gap rows, wrapped the
// way a paginated list is.
func GapsJSON(n int) []byte {
	rows := make([]gap, n)
	for i := range rows {
		rows[i] = gap{Competency: fmt.Sprintf("competency-key-%02d", i), Name: fmt.Sprintf("Competency name number %02d", i),
			Area: "people-leadership", AreaName: "People leadership", Required: 4, Current: 2, Gap: 2, Importance: 3,
			WeightedGap: 6, Source: "self", Basis: "your self-assessment of 2026-05-22"}
	}
	b, _ := json.Marshal(map[string]any{"items": rows, "next": nil})
	return append(b, '\n')
}
