// Held-out cases, written after the rules were tuned and measured once without changing the rules.
package heldout

import (
	"crypto/sha1"
	"crypto/tls"
	"database/sql"
	"os/exec"
)

func rename(db *sql.DB, id, name string) error {
	_, err := db.Exec("UPDATE users SET name = '" + name + "' WHERE id = " + id) // expect: CG5001
	return err
}

func run(cmd string) error {
	return exec.Command("bash", "-c", cmd).Run() // expect: CG5002
}

func insecure(cfg Config) *tls.Config {
	return &tls.Config{InsecureSkipVerify: cfg.Insecure}
}

func digest(b []byte) []byte {
	h := sha1.New() // expect: CG5008
	h.Write(b)
	return h.Sum(nil)
}

func count(db *sql.DB, ids []int) int {
	n := 0
	for _, id := range ids {
		row := db.QueryRow("SELECT count(*) FROM orders WHERE user_id = $1", id) // expect: CG4005
		var c int
		row.Scan(&c)
		n += c
	}
	return n
}
