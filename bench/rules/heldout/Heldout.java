// Held-out cases, written after the rules were tuned and measured once without changing the rules.
package heldout;

import java.io.ObjectInputStream;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

public class Heldout {
    public List<User> byName(JdbcTemplate jdbc, String name) {
        return jdbc.query("SELECT * FROM users WHERE name = '" + name + "'", new UserMapper()); // expect: CG5001
    }

    public List<User> byNameSafe(JdbcTemplate jdbc, String name) {
        return jdbc.query("SELECT * FROM users WHERE name = ?", new UserMapper(), name);
    }

    public Object receive(Socket socket) throws Exception {
        ObjectInputStream in = new ObjectInputStream(socket.getInputStream()); // expect: CG5004
        return in.readObject();
    }

    public int createOtp() {
        return 100000 + new Random().nextInt(900000); // expect: CG5010
    }

    public int dice() {
        return new Random().nextInt(6) + 1;
    }

    public String log(String table) {
        return "Deleted rows from " + table;
    }
}
