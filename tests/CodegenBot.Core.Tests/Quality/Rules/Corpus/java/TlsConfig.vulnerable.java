// Test data for the rule corpus: deliberately vulnerable code.
package corpus;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.*;

public class TlsConfig {
    public TrustManager[] trustAll() {
        return new TrustManager[] {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                public void checkServerTrusted(X509Certificate[] chain, String authType) {} // expect: CG5007
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }
        };
    }

    public HostnameVerifier anyHost() {
        return new HostnameVerifier() {
            public boolean verify(String hostname, SSLSession session) { return true; } // expect: CG5007
        };
    }

    public void lenient(HttpsURLConnection connection) {
        connection.setHostnameVerifier((host, session) -> true); // expect: CG5007
    }

    public String join(List<String> parts) {
        String result = "";
        for (String part : parts) {
            result += part + ","; // expect: CG4002
        }
        return result;
    }

    public int count(List<String> lines, String regex) {
        int n = 0;
        for (String line : lines) {
            if (Pattern.compile(regex).matcher(line).find()) { // expect: CG4004
                n++;
            }
        }
        return n;
    }

    public void owners(UserRepository userRepository, List<Long> ids) {
        for (Long id : ids) {
            System.out.println(userRepository.findById(id)); // expect: CG4005
        }
    }

    public void touch(java.sql.PreparedStatement statement, List<Long> ids) throws Exception {
        for (Long id : ids) {
            statement.setLong(1, id);
            statement.executeUpdate(); // expect: CG4005
        }
    }
}
