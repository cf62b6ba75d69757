// Test data for the rule corpus: deliberately vulnerable code.
package corpus;

import java.io.InputStream;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

public class Parsers {
    public Object evaluate(String expression) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        return engine.eval(expression); // expect: CG5003
    }

    public void sax(InputStream xml) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance(); // expect: CG5005
        factory.newSAXParser().parse(xml, new org.xml.sax.helpers.DefaultHandler());
    }

    public Object stax(InputStream xml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance(); // expect: CG5005
        return factory.createXMLStreamReader(xml);
    }

    public Object decode(InputStream xml) {
        return new java.beans.XMLDecoder(xml).readObject(); // expect: CG5004
    }

    public void configure(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        mapper.enableDefaultTyping(); // expect: CG5004
    }

    public int count(List<String> lines, List<String> words) {
        int n = 0;
        for (String line : lines) {
            for (String word : words) {
                java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b" + word + "\\b"); // expect: CG4004
                if (p.matcher(line).find()) {
                    n++;
                }
            }
        }
        return n;
    }
}
