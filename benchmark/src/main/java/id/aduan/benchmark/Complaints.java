package id.aduan.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Distinct, realistic complaints for the citizen apps' endpoint ({@code POST /api/v1/complaints}),
 * cycling through every district of every province (the routing service's Kemendagri regions),
 * every category of the competence rules and both app channels. The n-th complaint is always the
 * same, so runs are comparable; its text names its number, so no two are equal.
 */
public final class Complaints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERENCE = "routing-service/src/main/resources/reference/";
    private static final List<String> CHANNELS = List.of("WEB", "MOBILE_APP");

    /** What citizens write, by the category's first segment. */
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("INFRA", new String[] {"Jalan rusak dan berlubang", "Jalan berlubang besar sejak dua minggu, membahayakan pengendara motor, terutama saat hujan."}),
            Map.entry("EDU", new String[] {"Pungutan liar di sekolah", "Sekolah meminta uang seragam dan buku di luar ketentuan, orang tua murid keberatan."}),
            Map.entry("ADMINDUK", new String[] {"KTP elektronik belum jadi", "Perekaman KTP-el sudah tiga bulan lalu tetapi kartu belum juga dicetak, blangko disebut habis."}),
            Map.entry("HEALTH", new String[] {"Pelayanan puskesmas lambat", "Antrean di puskesmas sangat panjang, pasien lansia menunggu lebih dari empat jam tanpa kepastian."}),
            Map.entry("SOCIAL", new String[] {"Bansos tidak tepat sasaran", "Keluarga miskin di lingkungan kami tidak menerima bantuan sosial, sementara warga mampu menerima."}),
            Map.entry("LABOUR", new String[] {"Upah di bawah UMK", "Perusahaan membayar upah di bawah upah minimum dan tidak mendaftarkan pekerja ke BPJS."}),
            Map.entry("ENV", new String[] {"Sampah menumpuk", "Sampah di tempat penampungan sementara tidak diangkut selama seminggu dan menimbulkan bau."}),
            Map.entry("TRANSPORT", new String[] {"Angkutan umum tidak layak", "Angkutan umum di trayek ini sering ngetem lama dan kondisinya tidak laik jalan."}),
            Map.entry("CIVIL_SERVICE", new String[] {"Kenaikan pangkat tertunda", "Usulan kenaikan pangkat ASN sudah lengkap namun belum diproses selama satu tahun."}),
            Map.entry("PUBLIC_ORDER", new String[] {"Pedagang menutup trotoar", "Pedagang kaki lima menutup trotoar sehingga pejalan kaki harus berjalan di badan jalan."}),
            Map.entry("PERMITS", new String[] {"Izin usaha tidak terbit", "Permohonan izin usaha melalui OSS sudah lengkap tetapi belum terbit melewati batas waktu."}),
            Map.entry("PUBLIC_INFO", new String[] {"Permohonan informasi tidak dijawab", "Permohonan informasi publik tentang anggaran desa tidak dijawab dalam sepuluh hari kerja."}));

    private final List<String> districts;
    private final List<String> categories;
    private final AtomicLong next = new AtomicLong();

    private Complaints(List<String> districts, List<String> categories) {
        this.districts = districts;
        this.categories = categories;
    }

    /** Reads the reference data of the repository at {@code home}. */
    public static Complaints from(Path home) {
        List<String> districts = lines(home.resolve("reference-data/src/main/resources/reference/regions-id.csv")).stream()
                .map(line -> line.split(",", 2)[0])
                .filter(code -> code.matches("\\d{2}\\.\\d{2}\\.\\d{2}"))
                .toList();
        List<String> categories = lines(home.resolve(REFERENCE + "competence-rules.csv")).stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("id,"))
                .map(line -> line.split(",")[1])
                .distinct()
                .toList();
        return new Complaints(districts, categories);
    }

    public int categoryCount() {
        return categories.size();
    }

    /** The next complaint's JSON body. */
    public String next() {
        return body(next.getAndIncrement());
    }

    /** The n-th complaint's JSON body. */
    public String body(long n) {
        ObjectNode complaint = fields(n);
        complaint.put("channel", CHANNELS.get((int) (n % CHANNELS.size())));
        if (n % 5 == 0) {
            complaint.put("anonymous", true);
        } else {
            complaint.putObject("reporter").put("name", "Warga " + n).put("email", "warga" + n + "@example.id");
        }
        return complaint.toString();
    }

    /**
     * The n-th complaint as a legacy history that stops after submission (docs/imports.md): an open
     * complaint that Aduan routes and clocks like a live one.
     */
    public String history(long n, String submittedAt) {
        ObjectNode history = fields(n);
        history.put("sourceApp", "BENCH-SEED").put("legacyId", Long.toString(n))
                .put("originalChannel", CHANNELS.get((int) (n % CHANNELS.size())))
                .put("anonymous", n % 5 == 0).put("confidential", false).put("submittedAt", submittedAt);
        return history.toString();
    }

    private ObjectNode fields(long n) {
        // Districts step by a prime so consecutive complaints land in different provinces.
        String district = districts.get((int) ((n * 7919) % districts.size()));
        String category = categories.get((int) (n % categories.size()));
        String[] text = TEXTS.getOrDefault(category.split("\\.")[0], TEXTS.get("PUBLIC_INFO"));
        ObjectNode complaint = JSON.createObjectNode();
        complaint.put("title", text[0] + " (" + n + ")");
        complaint.put("description", text[1] + " Laporan nomor " + n + " dari kecamatan " + district + ".");
        complaint.put("categoryCode", category);
        complaint.putObject("location").put("regionCode", district).put("address", "RT " + (n % 20 + 1) + " RW " + (n % 9 + 1));
        return complaint;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference data " + file + " (bench.home must be the repository)", e);
        }
    }
}
