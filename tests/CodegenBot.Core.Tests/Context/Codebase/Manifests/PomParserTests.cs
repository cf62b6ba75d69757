using System.Xml;
using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class PomParserTests
{
    [Fact]
    public void Parse_ParentVersionAndUnknownProperty_ResolvesWhatItCan()
    {
        const string Pom = """
            <project>
              <parent><groupId>org.acme</groupId><artifactId>parent</artifactId><version>1.4.0</version></parent>
              <artifactId>child</artifactId>
              <dependencies>
                <dependency><groupId>${project.groupId}</groupId><artifactId>core</artifactId><version>${project.version}</version></dependency>
                <dependency><groupId>org.mockito</groupId><artifactId>mockito-core</artifactId><version>${mockito.version}</version><scope>test</scope></dependency>
                <dependency><artifactId>no-group</artifactId></dependency>
              </dependencies>
            </project>
            """;

        var dependencies = new PomParser().Parse("child/pom.xml", Pom, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("maven", "org.acme:core", "1.4.0", "child/pom.xml", false),
            new Dependency("maven", "org.mockito:mockito-core", "${mockito.version}", "child/pom.xml", true),
        ], dependencies);
    }

    [Fact]
    public void Parse_NotXml_Throws()
    {
        Assert.Throws<XmlException>(() => new PomParser().Parse("pom.xml", "<project>", CodebaseFixtures.Snapshot()));
    }
}
