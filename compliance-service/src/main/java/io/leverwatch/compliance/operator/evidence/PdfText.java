package io.leverwatch.compliance.operator.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain flowing-text PDF on A4 with PDFBox: headings, wrapped paragraphs and monospaced blocks, new pages as they
 * fill. Uses the standard fonts, which every reader has; a character they cannot show is written as {@code ?}.
 */
final class PdfText implements AutoCloseable {

    private static final float MARGIN = 48;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final Map<String, Boolean> showable = new HashMap<>();
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfText(String title, Calendar created) {
        var info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Leverwatch compliance-service");
        info.setCreationDate(created);
    }

    void heading(String text, float size) throws IOException {
        space(size * 0.6f);
        lines(text, bold, size);
        space(size * 0.2f);
    }

    void paragraph(String text) throws IOException {
        lines(text, regular, 9.5f);
        space(3);
    }

    void strong(String text) throws IOException {
        lines(text, bold, 9.5f);
        space(3);
    }

    void mono(String text) throws IOException {
        lines(text, mono, 7.5f);
        space(2);
    }

    void space(float points) {
        y -= points;
    }

    byte[] toBytes() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }

    private void lines(String text, PDFont font, float size) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(showable(text == null ? "" : text, font), font, size)) {
            if (content == null || y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pages++;
        y = SIZE.getHeight() - MARGIN;
        content.beginText();
        content.setFont(regular, 7);
        content.newLineAtOffset(SIZE.getWidth() - MARGIN - 40, MARGIN / 2);
        content.showText("page " + pages);
        content.endText();
    }

    // Greedy, by words; a word wider than the line (a hash, a JSON line) is cut where the line is full.
    private List<String> wrap(String text, PDFont font, float size) throws IOException {
        float width = SIZE.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private String showable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t' || Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.append(showable.computeIfAbsent(font.getName() + c, k -> canShow(font, c)) ? c : "?");
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDFont font, String c) {
        try {
            font.encode(c);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
