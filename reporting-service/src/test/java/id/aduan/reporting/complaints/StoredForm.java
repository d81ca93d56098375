package id.aduan.reporting.complaints;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;

/** A complaint's document as the driver's codecs store it, without a database. */
final class StoredForm {

    private static final Codec<ComplaintDocuments.Stored> CODEC =
            MongoClientSettings.getDefaultCodecRegistry().get(ComplaintDocuments.Stored.class);

    private StoredForm() {
    }

    static BsonDocument bson(ComplaintDocuments.Stored stored) {
        BsonDocument bson = new BsonDocument();
        CODEC.encode(new BsonDocumentWriter(bson), stored, EncoderContext.builder().build());
        return bson;
    }

    /** As a document read back from the collection. */
    static Document document(ComplaintDocuments.Stored stored) {
        return new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry())
                .decode(new BsonDocumentReader(bson(stored)), DecoderContext.builder().build());
    }

    /** A document, as the collection's records read it. */
    static ComplaintDocuments.Stored read(Document document) {
        return CODEC.decode(new BsonDocumentReader(document.toBsonDocument()), DecoderContext.builder().build());
    }

    /** Written and read back. */
    static ComplaintDocuments.Stored roundTrip(ComplaintDocuments.Stored stored) {
        return CODEC.decode(new BsonDocumentReader(bson(stored)), DecoderContext.builder().build());
    }
}
