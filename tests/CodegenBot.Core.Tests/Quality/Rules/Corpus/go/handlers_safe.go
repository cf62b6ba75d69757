// Test data for the rule corpus: safe look-alikes.
package corpus

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

var word = regexp.MustCompile(`\w+`)

var dbPassword = os.Getenv("DB_PASSWORD")

const tokenHeader = "X-Auth-Token"

const passwordHint = "at least twelve characters"

func userByName(db *sql.DB, r *http.Request) (*sql.Rows, error) {
	return db.Query("SELECT * FROM users WHERE name = $1", r.URL.Query().Get("name"))
}

func count(db *sql.DB, table string) string {
	// db.Query("SELECT * FROM users WHERE id = " + id) is the unsafe form
	return fmt.Sprintf("Select the rows from %s", table)
}

func ping(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("ping", "-c", "1", r.FormValue("host")).Output()
	w.Write(out)
}

func uptime() ([]byte, error) {
	return exec.Command("sh", "-c", "uptime").Output()
}

func download(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	http.ServeFile(w, r, filepath.Join("/srv/files", name))
}

func status() (*http.Response, error) {
	return http.Get("https://status.example.com")
}

func echo(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

func client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
}

func digest(data []byte) [32]byte {
	return sha256.Sum256(data)
}

func newSessionToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func csv(rows [][]string) string {
	var b strings.Builder
	for _, row := range rows {
		b.WriteString(strings.Join(row, ","))
	}
	return b.String()
}

func total(values []int) int {
	sum := 0
	for _, v := range values {
		sum += v
	}
	return sum
}

func matches(lines []string) int {
	count := 0
	for _, line := range lines {
		if word.MatchString(line) {
			count++
		}
	}
	return count
}
