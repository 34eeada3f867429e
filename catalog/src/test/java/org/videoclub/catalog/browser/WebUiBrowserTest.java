package org.videoclub.catalog.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.CatalogDatabase;
import org.videoclub.catalog.support.RealAuthServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * The web UI in headless chromium against the real auth (its jar, as a child process) and catalog, on two origins as
 * in run-local, so auth's CORS is exercised: every role's path end to end. Writes the screenshots of docs/screenshots.
 * Tagged "browser": run by the browser profile (.ci/run's browser stage), which has chromium and chromedriver.
 */
@Tag("browser")
@QuarkusTest
@TestProfile(WebUiBrowserTest.BothServices.class)
class WebUiBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** catalog on a port fixed before auth starts, so that auth's CORS can name the UI's origin. */
    public static class BothServices implements QuarkusTestProfile {
        // Chosen once per JVM in a system property: this class is loaded by the test's and by Quarkus' class loaders.
        static final int CATALOG_PORT = Integer.parseInt(System.getProperties()
                .computeIfAbsent("videoclub.browser-test.catalog-port", key -> String.valueOf(freePort())).toString());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", String.valueOf(CATALOG_PORT));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogDatabase.class),
                    new TestResourceEntry(RealAuthServer.class, Map.of("cors-origins", "http://localhost:" + CATALOG_PORT)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + BothServices.CATALOG_PORT);
    }

    @AfterEach
    void closeBrowser() {
        try {
            browser.assertNoCspViolation();
        } finally {
            browser.close();
        }
    }

    @Test
    void aReaderSignsUpLogsInSearchesOpensABookIsRefusedTheBackOfficeAndLogsOut() {
        String word = "Arrakis" + Long.toString(System.nanoTime(), 36);
        String title = "Dune " + word;
        long genre = createGenre(Api.unique("Science fiction"));
        long book = createBook(title, "Frank Herbert", List.of(genre));
        createItem(book, "NEW", "10.99", 3);
        String genreName = asAdmin().get("/genres/" + genre).then().statusCode(200).extract().path("name");
        String username = Api.unique("reader").replace(' ', '-');

        browser.open("#/");
        browser.heading("Welcome to Videoclub");
        browser.screenshot("home");

        browser.follow("Sign up");
        browser.heading("Sign up");
        browser.fill("Username", username);
        browser.fill("Password", "short");
        browser.press("Create account");
        assertTrue(browser.fieldError("password").contains("8"), "the 422 is shown next to the password");
        browser.screenshot("sign-up-problem");
        browser.fill("Password", PASSWORD);
        browser.press("Create account");
        browser.heading("Log in");
        browser.message("is ready");

        // With the keyboard alone: Enter submits the form, and the search is one more Enter.
        browser.fill("Username", username);
        browser.fill("Password", PASSWORD);
        browser.field("Password").sendKeys(Keys.ENTER);
        browser.heading("Catalogue");
        browser.fill("Words in title or author", word);
        browser.field("Words in title or author").sendKeys(Keys.ENTER);
        WebElement result = waitFor(By.linkText(title));
        browser.screenshot("catalogue");
        result.click();
        browser.heading(title);
        String page = browser.driver.findElement(By.id("main")).getText();
        assertTrue(page.contains(genreName) && page.contains("Frank Herbert"), page);
        WebElement copy = browser.driver.findElement(By.cssSelector("main table tbody tr"));
        assertEquals("New 10.99 3", copy.getText());
        browser.screenshot("book");
        browser.driver.manage().window().setSize(new Dimension(400, 760)); // a phone
        browser.screenshot("book-phone");
        assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollWidth > window.innerWidth"),
                "no sideways scrolling on a phone");
        browser.driver.manage().window().setSize(new Dimension(1000, 760));

        assertTrue(browser.driver.findElements(By.cssSelector("a[href='#/staff']")).isEmpty(), "no back office link for a reader");
        assertTrue(browser.driver.findElements(By.linkText("Edit in the back office")).isEmpty());
        browser.go("#/staff/books/" + book);
        browser.heading("Not allowed");
        assertTrue(browser.driver.findElement(By.id("main")).getText().contains("your role is reader"));
        assertTrue(browser.driver.findElements(By.cssSelector("main form")).isEmpty(), "no staff controls");

        // A reload loses the access token (memory only): the refresh token of this tab gets a new pair, and rotates.
        String beforeReload = (String) browser.script("return sessionStorage.getItem('videoclub.refresh')");
        browser.driver.navigate().refresh();
        browser.heading("Not allowed");
        String refreshToken = (String) browser.script("return sessionStorage.getItem('videoclub.refresh')");
        assertTrue(refreshToken != null && !refreshToken.equals(beforeReload), "the refresh token rotated");
        assertNull(browser.script("return localStorage.length === 0 ? null : 'tokens in localStorage'"));
        browser.driver.findElement(By.id("logout")).click();
        browser.heading("Log in");
        browser.message("logged out");
        assertNull(browser.script("return sessionStorage.getItem('videoclub.refresh')"));
        given().baseUri(RealAuthServer.baseUrl()).contentType("application/json").body(Map.of("refresh_token", refreshToken))
                .post("/refresh").then().statusCode(401); // logout revoked the session
    }

    @Test
    void anAdminMakesAnEditorWhoAddsABookAndACopyAndRecordsASale() {
        String username = signUp("editor");
        browser.logIn(RealAuthServer.ADMIN_USERNAME, RealAuthServer.ADMIN_PASSWORD, "Catalogue");
        browser.follow("Users");
        browser.heading("Users");
        WebElement row = userRow(username);
        new org.openqa.selenium.support.ui.Select(row.findElement(By.tagName("select"))).selectByVisibleText("editor");
        row.findElement(By.cssSelector("button.change-role")).click();
        browser.message(username + " is now editor");
        browser.screenshot("users");
        browser.follow("Audit events");
        browser.heading("Audit events");
        browser.screenshot("audit-events");
        browser.driver.findElement(By.id("logout")).click();
        browser.heading("Log in");

        browser.logIn(username, PASSWORD, "Catalogue");
        browser.follow("Back office");
        browser.heading("Back office");
        browser.follow("Books and copies");
        browser.heading("Books");
        browser.follow("New book");
        browser.heading("New book");
        String title = Api.unique("The Left Hand of Darkness");
        browser.fill("Title", title);
        String author = Api.unique("Ursula K. Le Guin");
        browser.fill("Author", author);
        browser.fill("ISBN", Api.newIsbn());
        browser.fill("Year published", "1969");
        browser.press("Add book");
        browser.heading("Edit book");
        browser.message("added");
        browser.fill("Price", "12.50");
        browser.fill("Stock", "2");
        browser.press("Add copy");
        browser.message("Copy added");
        browser.screenshot("back-office-book");
        browser.press("Record a sale");
        browser.message("Sale recorded: 1 left.");

        long book = asAdmin().queryParam("author", author).get("/books").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.contains(title)).extract().jsonPath().getLong("items[0].id");
        asAdmin().queryParam("bookId", book).get("/inventory").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].stock", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].price", org.hamcrest.Matchers.equalTo("12.50"));
    }

    @Test
    void aStaleEditSaysChangedBySomeoneElseShowsTheirVersionAndOverwritesNothing() {
        String username = signUp("stale");
        makeEditor(username);
        long book = createBook(Api.unique("Original title"), "Someone", List.of());
        browser.logIn(username, PASSWORD, "Catalogue");
        browser.go("#/staff/books/" + book);
        browser.heading("Edit book");
        waitFor(By.cssSelector("main form.editor input[name='title']"));

        String theirs = Api.unique("Their title");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", theirs)).patch("/books/" + book)
                .then().statusCode(200);
        browser.fill("Title", "My title");
        browser.press("Save changes");
        browser.message("Changed by someone else");
        browser.screenshot("stale-edit");
        assertEquals(theirs, browser.field("Title").getAttribute("value"), "the form shows the current version");
        asAdmin().get("/books/" + book).then().statusCode(200).body("title", org.hamcrest.Matchers.equalTo(theirs));
    }

    @Test
    void aHostileTitleIsShownAsItsCharacters() {
        String hostile = "<img src=x onerror=alert(1)>";
        String author = Api.unique("Mallory");
        long book = createBook(hostile, author, List.of());
        createItem(book, "USED", "1.00", 1);
        String username = signUp("xss");
        browser.logIn(username, PASSWORD, "Catalogue");
        browser.go("#/books?author=" + java.net.URLEncoder.encode(author, java.nio.charset.StandardCharsets.UTF_8));
        waitFor(By.linkText(hostile)).click();
        browser.heading(hostile);
        assertTrue(browser.driver.findElements(By.cssSelector("main img")).isEmpty(), "no img element was made");
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndTheThrottleWithItsWait() {
        String username = signUp("throttled");
        browser.open("#/login");
        browser.heading("Log in");
        browser.fill("Username", username);
        browser.fill("Password", "not the password");
        browser.press("Log in");
        browser.message("Wrong username or password.");
        for (int i = 0; i < 4; i++) {
            given().baseUri(RealAuthServer.baseUrl()).contentType("application/json")
                    .body(Browser.credentials(username, "not the password")).post("/login").then().statusCode(401);
        }
        browser.press("Log in");
        String message = browser.message("Too many attempts. Try again in ");
        assertTrue(message.matches("(?s).*Try again in \\d+ (second|seconds|minute|minutes)\\..*"), message);
        browser.screenshot("log-in-throttled");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private WebElement waitFor(By locator) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The row of username in the users list, following "Next page" until it shows. */
    private WebElement userRow(String username) {
        By row = By.cssSelector("tr[data-username='" + username + "']");
        while (browser.driver.findElements(row).isEmpty()) {
            browser.follow("Next page");
            waitFor(By.cssSelector("main table"));
        }
        return browser.driver.findElement(row);
    }

    private static String signUp(String prefix) {
        String username = Api.unique(prefix).replace(' ', '-');
        given().baseUri(RealAuthServer.baseUrl()).contentType("application/json").body(Browser.credentials(username, PASSWORD))
                .post("/users").then().statusCode(201);
        return username;
    }

    private static void makeEditor(String username) {
        long id = given().baseUri(RealAuthServer.baseUrl()).auth().oauth2(adminToken()).queryParam("limit", 100).get("/users")
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.username == '" + username + "' }.id");
        given().baseUri(RealAuthServer.baseUrl()).auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("role", "editor")).patch("/users/" + id).then().statusCode(200);
    }

    private static String adminToken() {
        return given().baseUri(RealAuthServer.baseUrl()).contentType("application/json")
                .body(Browser.credentials(RealAuthServer.ADMIN_USERNAME, RealAuthServer.ADMIN_PASSWORD))
                .post("/login").then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(adminToken()).contentType("application/json");
    }

    private static long createGenre(String name) {
        return asAdmin().body(Map.of("name", name)).post("/genres").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long createBook(String title, String author, List<Long> genreIds) {
        return asAdmin().body(Map.of("title", title, "author", author, "isbn", Api.newIsbn(), "genreIds", genreIds))
                .post("/books").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void createItem(long book, String condition, String price, int stock) {
        asAdmin().body(Map.of("bookId", book, "condition", condition, "price", price, "stock", stock)).post("/inventory")
                .then().statusCode(201);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
