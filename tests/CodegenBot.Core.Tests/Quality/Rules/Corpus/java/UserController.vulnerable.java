// Test data for the rule corpus: deliberately vulnerable code.
package corpus;

import java.io.*;
import java.net.URL;
import java.security.MessageDigest;
import java.sql.*;
import java.util.Random;
import javax.crypto.Cipher;
import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilderFactory;

public class UserController {
    private static final String API_KEY = "AKIAQ3EGJ7YW5RTZ2KXM"; // expect: CG5013
    private String dbPassword = "Gx7!qR2#mW9$zK4p"; // expect: CG5013

    public ResultSet find(Connection connection, HttpServletRequest request) throws SQLException {
        String name = request.getParameter("name");
        Statement statement = connection.createStatement();
        return statement.executeQuery("SELECT * FROM users WHERE name = '" + name + "'"); // expect: CG5001
    }

    public ResultSet sorted(Connection connection, String column) throws SQLException {
        String sql = String.format("SELECT id, name FROM users ORDER BY %s", column); // expect: CG5001
        return connection.createStatement().executeQuery(sql);
    }

    public void ping(HttpServletRequest request) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + request.getParameter("host")); // expect: CG5002
    }

    public void archive(String folder) throws IOException {
        new ProcessBuilder("sh", "-c", "tar czf out.tgz " + folder).start(); // expect: CG5002
    }

    public Object load(InputStream input) throws Exception {
        ObjectInputStream stream = new ObjectInputStream(input); // expect: CG5004
        return stream.readObject();
    }

    public Object parse(InputStream xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance(); // expect: CG5005
        return factory.newDocumentBuilder().parse(xml);
    }

    public byte[] download(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        return java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/srv/files", name)); // expect: CG5006
    }

    public InputStream fetch(HttpServletRequest request) throws IOException {
        URL url = new URL(request.getParameter("url")); // expect: CG5012
        return url.openStream();
    }

    public byte[] hashPassword(String password) throws Exception {
        return MessageDigest.getInstance("MD5").digest(password.getBytes()); // expect: CG5008
    }

    public byte[] encrypt(byte[] data, java.security.Key key) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding"); // expect: CG5009
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encryptDefault(byte[] data, java.security.Key key) throws Exception {
        Cipher cipher = Cipher.getInstance("DES"); // expect: CG5009
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public String newResetToken() {
        Random random = new Random();
        return Long.toHexString(random.nextLong()); // expect: CG5010
    }

    public byte[] body(HttpServletRequest request) throws IOException {
        return request.getInputStream().readAllBytes(); // expect: CG4006
    }
}
