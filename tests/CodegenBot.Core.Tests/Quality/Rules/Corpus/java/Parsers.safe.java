// Test data for the rule corpus: safe look-alikes.
package corpus;

import java.io.InputStream;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.xml.stream.XMLInputFactory;

public class SafeParsers {
    public Object evaluate() throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        return engine.eval("1 + 2");
    }

    public Object stax(InputStream xml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return factory.createXMLStreamReader(xml);
    }

    public Object read(com.fasterxml.jackson.databind.ObjectMapper mapper, String json) throws Exception {
        return mapper.readValue(json, Order.class);
    }
}
