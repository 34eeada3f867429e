package org.videoclub.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.catalog.service.BookRequest;
import org.videoclub.catalog.service.BookListing;
import org.videoclub.catalog.service.BookService;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Books (SPEC section 4): reads for any signed-in user, changes for editors and admins. */
@Path("/books")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "reader", "editor", "admin" })
@Tag(name = "books", description = "Books, each with its genres; an ISBN names one book.")
public class BookResource {

    private final BookService service;
    private final BookListing listing;

    BookResource(BookService service, BookListing listing) {
        this.service = service;
        this.listing = listing;
    }

    @GET
    @Operation(summary = "List or search books", description = "Books in id order, a page at a time. The filters combine:"
            + " q finds books whose title or author holds every word given (each may be the start of a word).")
    @APIResponse(responseCode = "200", description = "A page of books")
    public Uni<RestResponse<PageResponse<BookResponse>>> listBooks(
            @Parameter(description = "Words of the title or author, each of 3 or more letters; each may be a prefix", example = "dune herb") @QueryParam("q") String q,
            @Parameter(description = "Genre id or name (any letter case)", example = "Science fiction") @QueryParam("genre") String genre,
            @Parameter(description = "Author, exactly but for letter case", example = "Frank Herbert") @QueryParam("author") String author,
            @Parameter(description = "ISBN-10 or ISBN-13, hyphens allowed", example = "978-0-441-17271-9") @QueryParam("isbn") String isbn,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Uni.createFrom().item(() -> PageParameters.parse(limit, cursor))
                .chain(page -> listing.list(BookSearchParameters.parse(q, genre, author, isbn), page))
                .map(page -> PageParameters.answer(page, BookResponse::of, uri));
    }

    @POST
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Add a book", description = "The ISBN is checked (check digit included) and stored as ISBN-13;"
            + " genreIds name existing genres.")
    @APIResponseSchema(value = BookResponse.class, responseCode = "201", responseDescription = "The new book")
    @APIResponse(responseCode = "409", description = "Another book has this ISBN")
    public Uni<RestResponse<BookResponse>> createBook(BookRequest request, @Context UriInfo uri) {
        return service.create(request).map(BookResponse::of)
                .map(created -> Answers.created(uri, BookResource.class, created));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one book", description = "The book with its genres; its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The book")
    public Uni<RestResponse<BookResponse>> getBook(@PathParam("id") long id) {
        return service.get(id).map(BookResponse::of).map(Answers::tagged);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Replace a book", description = "Every field is set from the body; fields left out are cleared.")
    @APIResponse(responseCode = "200", description = "The book as it is now")
    @APIResponse(responseCode = "409", description = "Another book has this ISBN")
    public Uni<RestResponse<BookResponse>> replaceBook(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            BookRequest request) {
        return service.replace(id, IfMatch.expectedVersion(ifMatch), request)
                .map(BookResponse::of).map(Answers::tagged);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Change some fields of a book", description = "A JSON merge patch (RFC 7396): the fields sent"
            + " replace the current ones, and the result is checked like a PUT.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "BookPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookPatch")) })
    @APIResponse(responseCode = "200", description = "The book as it is now")
    @APIResponse(responseCode = "409", description = "Another book has this ISBN")
    public Uni<RestResponse<BookResponse>> patchBook(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) {
        return service.patch(id, IfMatch.expectedVersion(ifMatch), patch)
                .map(BookResponse::of).map(Answers::tagged);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Delete a book", description = "Only a book without inventory items can be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The book still has inventory items")
    public Uni<RestResponse<Void>> deleteBook(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, IfMatch.expectedVersion(ifMatch)).map(nothing -> RestResponse.noContent());
    }
}
