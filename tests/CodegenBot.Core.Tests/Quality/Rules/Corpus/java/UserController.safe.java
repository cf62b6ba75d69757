// Test data for the rule corpus: safe look-alikes.
package corpus;

import java.io.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.*;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.servlet.http.HttpServletRequest;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

public class SafeUserController {
    private static final Pattern WORD = Pattern.compile("\\w+");
    private static final String TABLE = "users";
    private final String apiKey = System.getenv("API_KEY");
    private final String passwordLabel = "Password (at least 12 characters)";
    private final String tokenType = "Bearer";

    public ResultSet find(Connection connection, HttpServletRequest request) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
        statement.setString(1, request.getParameter("name"));
        return statement.executeQuery();
    }

    public ResultSet count(Connection connection) throws SQLException {
        // "SELECT * FROM users WHERE name = '" + name + "'" was the old query
        return connection.createStatement().executeQuery("SELECT count(*) FROM " + TABLE);
    }

    public String describe(String user) {
        return "Select the user from the list: " + user;
    }

    public void ping(String host) throws IOException {
        new ProcessBuilder("ping", "-c", "1", host).start();
    }

    public void uptime() throws IOException {
        Runtime.getRuntime().exec("uptime");
    }

    public Object parse(InputStream xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml);
    }

    public byte[] download(HttpServletRequest request) throws IOException {
        Path name = Paths.get(request.getParameter("file")).getFileName();
        return Files.readAllBytes(Paths.get("/srv/files").resolve(name.toString()));
    }

    public byte[] template() throws IOException {
        return Files.readAllBytes(Paths.get("/srv/templates/index.html"));
    }

    public byte[] hash(String data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data.getBytes());
    }

    public byte[] encrypt(byte[] data, java.security.Key key) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] newResetToken() {
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        return token;
    }

    public String join(List<String> parts) {
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            result.append(part).append(',');
        }
        return result.toString();
    }

    public int total(List<Integer> values) {
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    public long count(List<String> lines) {
        return lines.stream().filter(line -> WORD.matcher(line).find()).count();
    }

    public void owners(UserRepository userRepository, List<Long> ids) {
        for (User user : userRepository.findAllById(ids)) {
            System.out.println(user);
        }
    }

    public byte[] readConfig(File file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
