// Command http is the load generator of bench/http.sh: a closed-loop HTTP/1.1
// client over raw keep-alive TCP connections that reports requests per
// second, latency percentiles and errors.
//
// Why not net/http's client or wrk: net/http's client costs tens of
// microseconds of CPU and several allocations per request, so on the one core
// the load tool gets it saturates before a bare net/http server does (about
// 60-90k req/s on these machines) and would flatter the ratios; this client
// writes a prebuilt request and parses only the status line, Content-Length
// and chunked framing, with no allocation per request. wrk is as cheap but is
// an extra system package, reports latency only as a printed table, and does
// not check bodies; this tool needs only Go, records every latency for exact
// percentiles, counts a wrong status or a short body as an error, and prints
// one machine-readable line for the script. Calibrated against wrk 4.1 on the
// bare server: see bench/README.md.
//
// It talks only to loopback addresses, and every run is bounded in time (the
// warm-up plus the duration plus one request timeout) and in the number of
// latencies it keeps.
//
//	http load -url http://127.0.0.1:8080/ -c 32 -warmup 2s -d 10s -H 'Cookie: a=b'
//	http get  -url http://127.0.0.1:8080/demo -o body.html -cookie ladder_session
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type headers []string

func (h *headers) String() string     { return strings.Join(*h, ", ") }
func (h *headers) Set(v string) error { *h = append(*h, v); return nil }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: http load|get [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "load":
		err = load(os.Args[2:])
	case "get":
		err = get(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q: want load or get", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "http:", err)
		os.Exit(1)
	}
}

// target parses u and refuses anything but plain HTTP to a loopback address.
func target(u string) (*url.URL, error) {
	p, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if p.Scheme != "http" {
		return nil, fmt.Errorf("%s: only http:// is supported", u)
	}
	ip := net.ParseIP(p.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s: only loopback IP addresses (127.0.0.1) are allowed", u)
	}
	if p.Port() == "" {
		p.Host = net.JoinHostPort(p.Hostname(), "80")
	}
	return p, nil
}

// get makes one request without following redirects, writes the body to -o
// and prints "status=N bytes=N" and, with -cookie, "cookie=name=value" from
// Set-Cookie.
func get(args []string) error {
	fs := flag.NewFlagSet("get", flag.ExitOnError)
	u := fs.String("url", "", "URL (loopback only)")
	out := fs.String("o", "", "write the body to this file")
	cookie := fs.String("cookie", "", "print this cookie from Set-Cookie")
	var hs headers
	fs.Var(&hs, "H", "extra header 'Name: value' (repeatable)")
	fs.Parse(args)
	if _, err := target(*u); err != nil {
		return err
	}
	req, err := http.NewRequest("GET", *u, nil)
	if err != nil {
		return err
	}
	for _, h := range hs {
		k, v, ok := strings.Cut(h, ":")
		if !ok {
			return fmt.Errorf("header %q: want 'Name: value'", h)
		}
		req.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	c := &http.Client{Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := os.WriteFile(*out, body, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("status=%d bytes=%d content_type=%s", resp.StatusCode, len(body), strings.ReplaceAll(resp.Header.Get("Content-Type"), " ", ""))
	if *cookie != "" {
		for _, ck := range resp.Cookies() {
			if ck.Name == *cookie && ck.Value != "" {
				fmt.Printf(" cookie=%s=%s", ck.Name, ck.Value)
			}
		}
	}
	fmt.Println()
	return nil
}

// Phases of a run, read by every worker before each request.
const (
	warming = iota
	measuring
	stopped
)

type worker struct {
	addr    string
	req     []byte
	want    int
	timeout time.Duration
	keep    int // latencies kept at most

	conn net.Conn
	br   *bufio.Reader

	lat      []time.Duration
	requests int // requests measured (may exceed len(lat) if capped)
	errors   int
	bytes    int64 // body bytes of measured requests
	lastErr  error
	statuses map[int]int
}

func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	u := fs.String("url", "", "URL (loopback only)")
	name := fs.String("name", "", "label printed with the result")
	conns := fs.Int("c", 32, "concurrent connections")
	dur := fs.Duration("d", 10*time.Second, "measured duration")
	warm := fs.Duration("warmup", 2*time.Second, "warm-up before measuring (same connections, not counted)")
	timeout := fs.Duration("timeout", 5*time.Second, "per-request timeout (counts as an error)")
	want := fs.Int("status", 200, "expected status; any other is an error")
	minBody := fs.Int("min-body", 0, "a body shorter than this is an error")
	maxLat := fs.Int("max-samples", 20_000_000, "latencies kept at most (memory bound)")
	var hs headers
	fs.Var(&hs, "H", "extra header 'Name: value' (repeatable)")
	fs.Parse(args)
	t, err := target(*u)
	if err != nil {
		return err
	}
	if *conns < 1 || *dur <= 0 {
		return errors.New("need -c >= 1 and -d > 0")
	}
	var rb strings.Builder
	fmt.Fprintf(&rb, "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: ladder-bench\r\nAccept: */*\r\n", t.RequestURI(), t.Host)
	for _, h := range hs {
		rb.WriteString(h + "\r\n")
	}
	rb.WriteString("\r\n")

	var phase atomic.Int32
	ws := make([]*worker, *conns)
	for i := range ws {
		ws[i] = &worker{addr: t.Host, req: []byte(rb.String()), want: *want, timeout: *timeout,
			keep: *maxLat / *conns, statuses: map[int]int{}}
		ws[i].lat = make([]time.Duration, 0, 1<<14)
		if err := ws[i].dial(); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() { defer wg.Done(); w.run(&phase, *minBody) }()
	}
	time.Sleep(*warm)
	phase.Store(measuring)
	start, cpu0 := time.Now(), cpuTime()
	time.Sleep(*dur)
	phase.Store(stopped)
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	// Every request and dial has a deadline of -timeout, so this wait is
	// bounded too.
	wg.Wait()
	for _, w := range ws {
		if w.conn != nil {
			w.conn.Close()
		}
	}

	var all []time.Duration
	var reqs, errs int
	var body int64
	statuses := map[int]int{}
	var lastErr error
	for _, w := range ws {
		all = append(all, w.lat...)
		reqs += w.requests
		errs += w.errors
		body += w.bytes
		for k, v := range w.statuses {
			statuses[k] += v
		}
		if w.lastErr != nil {
			lastErr = w.lastErr
		}
	}
	slices.Sort(all)
	pct := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		i := int(float64(len(all))*p+0.999999) - 1
		return float64(all[max(i, 0)]) / float64(time.Millisecond)
	}
	rps := float64(reqs) / elapsed.Seconds()
	avgBody := int64(0)
	if reqs > 0 {
		avgBody = body / int64(reqs)
	}
	// The load tool's own CPU use: near 100% of its core means it, not the
	// server, may be the limit.
	cpuPct := 100 * cpu.Seconds() / elapsed.Seconds()
	fmt.Printf("%-10s %9.0f req/s  p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %8.3f ms  %d requests in %.1fs, %d errors, body %d B, statuses %v, load tool CPU %.0f%%\n",
		*name, rps, pct(.50), pct(.90), pct(.99), pct(1), reqs, elapsed.Seconds(), errs, avgBody, statuses, cpuPct)
	if lastErr != nil {
		fmt.Printf("%-10s last error: %v\n", *name, lastErr)
	}
	fmt.Printf("RESULT name=%s rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d body=%d client_cpu=%.0f\n",
		*name, rps, pct(.50), pct(.99), reqs, errs, avgBody, cpuPct)
	return nil
}

func (w *worker) dial() error {
	c, err := net.DialTimeout("tcp", w.addr, w.timeout)
	if err != nil {
		return err
	}
	w.conn = c
	if w.br == nil {
		w.br = bufio.NewReaderSize(c, 64<<10)
	} else {
		w.br.Reset(c)
	}
	return nil
}

func (w *worker) run(phase *atomic.Int32, minBody int) {
	for {
		ph := phase.Load()
		if ph == stopped {
			return
		}
		if w.conn == nil {
			if err := w.dial(); err != nil {
				if ph == measuring {
					w.errors++
					w.lastErr = err
				}
				time.Sleep(10 * time.Millisecond)
				continue
			}
		}
		t0 := time.Now()
		status, n, keep, err := w.roundTrip(t0)
		d := time.Since(t0)
		if ph != measuring {
			if err != nil {
				w.conn.Close()
				w.conn = nil
			}
			continue
		}
		w.requests++
		w.bytes += n
		if err != nil {
			w.errors++
			w.lastErr = err
			w.conn.Close()
			w.conn = nil
			continue
		}
		w.statuses[status]++
		if status != w.want || n < int64(minBody) {
			w.errors++
			w.lastErr = fmt.Errorf("status %d, body %d bytes", status, n)
		}
		if len(w.lat) < w.keep {
			w.lat = append(w.lat, d)
		}
		if !keep {
			w.conn.Close()
			w.conn = nil
		}
	}
}

// roundTrip writes the request and reads one response, returning its status,
// body length and whether the connection may be reused.
func (w *worker) roundTrip(t0 time.Time) (status int, n int64, keep bool, err error) {
	w.conn.SetDeadline(t0.Add(w.timeout))
	if _, err = w.conn.Write(w.req); err != nil {
		return
	}
	line, err := w.br.ReadSlice('\n')
	if err != nil {
		return
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, 0, false, fmt.Errorf("bad status line %q", line)
	}
	st, err := parseInt(line[9:12], 10)
	if err != nil {
		return
	}
	status = int(st)
	keep = line[7] == '1'
	length, chunked := int64(-1), false
	for {
		h, err := w.br.ReadSlice('\n')
		if err != nil {
			return status, 0, false, err
		}
		if len(h) <= 2 {
			break
		}
		k, v, _ := bytes.Cut(h, []byte(":"))
		v = bytes.TrimSpace(v)
		switch {
		case len(k) == 14 && bytes.EqualFold(k, []byte("Content-Length")):
			if length, err = parseInt(v, 10); err != nil {
				return status, 0, false, err
			}
		case len(k) == 17 && bytes.EqualFold(k, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(v, []byte("chunked"))
		case len(k) == 10 && bytes.EqualFold(k, []byte("Connection")):
			if bytes.EqualFold(v, []byte("close")) {
				keep = false
			}
		}
	}
	switch {
	case chunked:
		for {
			h, err := w.br.ReadSlice('\n')
			if err != nil {
				return status, n, false, err
			}
			h, _, _ = bytes.Cut(bytes.TrimSpace(h), []byte(";"))
			size, err := parseInt(h, 16)
			if err != nil {
				return status, n, false, err
			}
			if size == 0 {
				for { // trailers up to the empty line
					t, err := w.br.ReadSlice('\n')
					if err != nil {
						return status, n, false, err
					}
					if len(t) <= 2 {
						return status, n, keep, nil
					}
				}
			}
			if _, err := w.br.Discard(int(size) + 2); err != nil {
				return status, n, false, err
			}
			n += size
		}
	case length >= 0:
		_, err = w.br.Discard(int(length))
		return status, length, keep, err
	default:
		return status, 0, false, errors.New("response without length: not supported")
	}
}

func parseInt(b []byte, base int) (int64, error) {
	if len(b) == 0 || len(b) > 15 {
		return 0, fmt.Errorf("bad number %q", b)
	}
	var v int64
	for _, c := range b {
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = int64(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = int64(c-'A') + 10
		default:
			return 0, fmt.Errorf("bad number %q", b)
		}
		v = v*int64(base) + d
	}
	return v, nil
}
