using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class JvmProjectDetectorTests
{
    [Fact]
    public void Detect_GradleRootWithSettingsAndKotlinMain_UsesRootProjectNameAndJUnitPlatform()
    {
        var projects = ProjectFixtures.Detect(
            new JvmProjectDetector(),
            ("settings.gradle.kts", "rootProject.name = \"inventory\"\n"),
            ("build.gradle.kts", "dependencies { testImplementation(kotlin(\"test\")) }\ntasks.test { useJUnitPlatform() }\n"),
            ("src/main/kotlin/App.kt", "fun main() {\n    println(\"hi\")\n}\n"),
            ("src/test/kotlin/AppTest.kt", "class AppTest\n"),
            ("legacy/pom.xml", "<project><artifactId>legacy</artifactId><dependencies><dependency><groupId>org.testng</groupId><artifactId>testng</artifactId><version>7.9.0</version><scope>test</scope></dependency></dependencies></project>"),
            ("legacy/src/test/java/LegacyTest.java", "class LegacyTest {}\n"));

        Assert.Equal([". | gradle-module | inventory | False | junit5 | src/main/kotlin/App.kt", "legacy | maven-module | legacy | False | testng | "], projects);
    }
}
