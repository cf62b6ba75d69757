// Test data for the rule corpus: deliberately vulnerable code.
package corpus

import (
	"crypto/des"
	"crypto/md5"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"io"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

const githubToken = "ghp_Zx9Cv8Bn7Mm6Aa5Ss4Dd3Ff2Gg1Hh0Jj9Kk8" // expect: CG5013

var dbPassword = "hR7#kP2$wQ9!mZ4x" // expect: CG5013

func userByName(db *sql.DB, r *http.Request) (*sql.Rows, error) {
	name := r.URL.Query().Get("name")
	return db.Query("SELECT * FROM users WHERE name = '" + name + "'") // expect: CG5001
}

func deleteUser(db *sql.DB, id string) error {
	_, err := db.Exec(fmt.Sprintf("DELETE FROM users WHERE id = %s", id)) // expect: CG5001
	return err
}

func ping(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+r.FormValue("host")).Output() // expect: CG5002
	w.Write(out)
}

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	data, _ := os.ReadFile(filepath.Join("/srv/files", name)) // expect: CG5006
	w.Write(data)
}

func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(r.URL.Query().Get("url")) // expect: CG5012
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body) // expect: CG4006
	w.Write(body)
}

func echo(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // expect: CG4006
	w.Write(body)
}

func client() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // expect: CG5007
	}}
}

func hashPassword(password string) [16]byte {
	return md5.Sum([]byte(password)) // expect: CG5008
}

func encrypt(key []byte) (interface{}, error) {
	return des.NewCipher(key) // expect: CG5009
}

func newSessionToken() string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))] // expect: CG5010
	}
	return string(b)
}

func greet(w http.ResponseWriter, r *http.Request) {
	page := template.HTML("<h1>" + r.FormValue("name") + "</h1>") // expect: CG5011
	fmt.Fprint(w, page)
}

func owners(db *sql.DB, ids []int) []string {
	var names []string
	for _, id := range ids {
		var name string
		db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name) // expect: CG4005
		names = append(names, name)
	}
	return names
}

func csv(rows [][]string) string {
	out := ""
	for _, row := range rows {
		out += fmt.Sprintln(row) // expect: CG4002
	}
	return out
}

func matches(lines []string, pattern string) int {
	count := 0
	for _, line := range lines {
		if regexp.MustCompile(pattern).MatchString(line) { // expect: CG4004
			count++
		}
	}
	return count
}

const letters = "abcdefghijklmnopqrstuvwxyz"
