/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-xlsx-read.h"
#include "fw-test-zip.h"

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" PKG_REL_NS "\"><Relationship Id=\"rId1\" Type=\"" REL_NS
  "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

/* Two sheets, the first in the workbook's order being sheet2.xml (rId5). */
static const char workbook_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
  "<sheet name=\"Main\" sheetId=\"2\" r:id=\"rId5\"/>"
  "<sheet name=\"Other\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_rels[] =
  "<Relationships xmlns=\"" PKG_REL_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId5\" Type=\"" REL_NS "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
  "<Relationship Id=\"rId9\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";

static const char shared_strings[] =
  "<sst xmlns=\"" MAIN_NS "\" count=\"5\" uniqueCount=\"5\">"
  "<si><t>事例の名前</t></si>"
  "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r><r><t>text</t></r></si>"
  "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
  "<si><t>line one_x000D_\nline two &amp; &lt;three&gt;\r\nthree</t></si>"
  "<si><t>_x005F_x0041_ kept</t></si>"
  "</sst>";

/* A prefixed main namespace, rows and cells without references, gaps, every
 * cell type, a styled empty cell, a hidden row far to the right. */
static const char main_sheet[] =
  "<x:worksheet xmlns:x=\"" MAIN_NS "\"><x:sheetData>"
  "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
  "<x:c r=\"C1\" t=\"s\"><x:v>1</x:v></x:c></x:row>"
  "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line"
  "</x:t></x:r></x:is></x:c><x:c><x:v>1.50</x:v></x:c><x:c t=\"b\"><x:v>1</x:v></x:c>"
  "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>formula</x:v>"
  "</x:c></x:row>"
  "<x:row><x:c r=\"A4\" t=\"s\"><x:v>2</x:v></x:c><x:c r=\"B4\" s=\"3\"/>"
  "<x:c r=\"D4\" t=\"s\"><x:v>3</x:v></x:c><x:c t=\"s\"><x:v>4</x:v></x:c></x:row>"
  "<x:row r=\"6\" hidden=\"1\"><x:c r=\"AB6\" t=\"b\"><x:v>0</x:v></x:c></x:row>"
  "<x:row r=\"7\"><x:c r=\"E7\" s=\"2\"/></x:row>"
  "</x:sheetData></x:worksheet>";

static const char other_sheet[] =
  "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
  "<is><t>the second sheet</t></is></c></row></sheetData></worksheet>";

static GBytes *
workbook_with_sheet (const char *sheet,
                     GBytes     *bomb)
{
  FwTestZipEntry entries[] = {
    { "[Content_Types].xml", "<Types/>", FALSE },
    { "_rels/.rels", package_rels, TRUE },
    { "xl/workbook.xml", workbook_xml, TRUE },
    { "xl/_rels/workbook.xml.rels", workbook_rels, TRUE },
    { "xl/sharedStrings.xml", shared_strings, TRUE },
    { "xl/worksheets/sheet1.xml", other_sheet, TRUE },
    /* Stored, not deflated: both are read. */
    { "xl/worksheets/sheet2.xml", sheet, FALSE, bomb, 1000 },
  };

  return fw_test_zip (entries, G_N_ELEMENTS (entries));
}

static GPtrArray *
read_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = fw_xlsx_read_sheet (bytes, "book.xlsx", 1024 * 1024, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static void
assert_row (GPtrArray          *records,
            guint               r,
            const char * const *want)
{
  GPtrArray *row = g_ptr_array_index (records, r);
  guint n = want ? g_strv_length ((char **) want) : 0;

  g_test_message ("row %u", r + 1);
  g_assert_cmpuint (row->len, ==, n);
  for (guint c = 0; c < n; c++)
    g_assert_cmpstr (g_ptr_array_index (row, c), ==, want[c]);
}

static void
test_cells (void)
{
  g_autoptr(GBytes) bytes = workbook_with_sheet (main_sheet, NULL);
  g_autoptr(GPtrArray) records = read_ok (bytes);
  const char *row6[29] = { NULL };

  g_assert_true (fw_xlsx_read_is_workbook (bytes));
  /* Row 7's only cell is empty: the sheet ends at row 6. */
  g_assert_cmpuint (records->len, ==, 6);
  assert_row (records, 0, (const char *[]) { "事例の名前", "", "rich text", NULL });
  assert_row (records, 1, NULL);
  assert_row (records, 2, (const char *[]) { "", "inline", "1.50", "TRUE", "#N/A", "formula",
                                              NULL });
  /* The ruby is not text; _x000D_ and CRLF inside a cell are line breaks, LF. */
  assert_row (records, 3, (const char *[]) { "東京", "", "",
                                              "line one\nline two & <three>\nthree",
                                              "_x0041_ kept", NULL });
  assert_row (records, 4, NULL);
  for (guint c = 0; c < 27; c++)
    row6[c] = "";
  row6[27] = "FALSE";  /* AB, in a hidden row: read like the others */
  assert_row (records, 5, row6);

  /* A byte-order mark before the XML, as some writers put one. */
  {
    g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", main_sheet, NULL);
    g_autoptr(GBytes) bom_bytes = workbook_with_sheet (with_bom, NULL);
    g_autoptr(GPtrArray) bom_records = read_ok (bom_bytes);

    g_assert_cmpuint (bom_records->len, ==, 6);
    assert_row (bom_records, 0, (const char *[]) { "事例の名前", "", "rich text", NULL });
  }
}

static void
assert_refused (GBytes     *bytes,
                guint64     max_unpacked,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = fw_xlsx_read_sheet (bytes, "book.xlsx", max_unpacked, &error);

  g_assert_null (records);
  g_assert_error (error, FW_XLSX_READ_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "book.xlsx: "));
  g_assert_nonnull (strstr (error->message, words));
}

/* Zips that hold something else, each named. */
static void
test_not_workbooks (void)
{
  FwTestZipEntry docx[] = {
    { "[Content_Types].xml", "<Types/>", FALSE },
    { "_rels/.rels", "<Relationships xmlns=\"" PKG_REL_NS "\"><Relationship Id=\"rId1\" "
                     "Type=\"" REL_NS "/officeDocument\" Target=\"word/document.xml\"/>"
                     "</Relationships>", TRUE },
    { "word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>", TRUE },
  };
  FwTestZipEntry ods[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", FALSE },
    { "content.xml", "<office:document-content xmlns:office=\"urn:o\"/>", TRUE },
  };
  FwTestZipEntry odt[] = {
    { "mimetype", "application/vnd.oasis.opendocument.text", FALSE },
    { "content.xml", "<office:document-content xmlns:office=\"urn:o\"/>", TRUE },
  };
  FwTestZipEntry pptx[] = {
    { "ppt/presentation.xml", "<p:presentation xmlns:p=\"urn:p\"/>", TRUE },
  };
  FwTestZipEntry plain[] = {
    { "notes.txt", "hello", TRUE },
  };
  /* A workbook whose sheet is missing. */
  FwTestZipEntry sheetless[] = {
    { "xl/workbook.xml", workbook_xml, TRUE },
    { "xl/_rels/workbook.xml.rels", workbook_rels, TRUE },
  };
  struct { FwTestZipEntry *entries; guint n; int code; const char *words; } zips[] = {
    { docx, G_N_ELEMENTS (docx), FW_XLSX_READ_ERROR_NOT_WORKBOOK, "Word document" },
    { ods, G_N_ELEMENTS (ods), FW_XLSX_READ_ERROR_NOT_WORKBOOK, "OpenDocument spreadsheet" },
    { odt, G_N_ELEMENTS (odt), FW_XLSX_READ_ERROR_NOT_WORKBOOK, "OpenDocument file" },
    { pptx, G_N_ELEMENTS (pptx), FW_XLSX_READ_ERROR_NOT_WORKBOOK, "PowerPoint" },
    { plain, G_N_ELEMENTS (plain), FW_XLSX_READ_ERROR_NOT_WORKBOOK, "no Excel workbook" },
    { sheetless, G_N_ELEMENTS (sheetless), FW_XLSX_READ_ERROR_DAMAGED, "no sheet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zips); i++)
    {
      g_autoptr(GBytes) bytes = fw_test_zip (zips[i].entries, zips[i].n);

      assert_refused (bytes, 1024 * 1024, zips[i].code, zips[i].words);
    }
}

static GBytes *
bytes_patched (GBytes *bytes,
               gsize   at,
               guint32 value)
{
  gsize len;
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));

  g_assert_cmpuint (at + 4, <=, len);
  for (int i = 0; i < 4; i++)
    data[at + i] = (value >> (8 * i)) & 0xff;
  return g_bytes_new_take (data, len);
}

/* Where the central directory's entry @index starts. */
static gsize
central_entry (const guint8 *data,
               gsize         cd_offset,
               guint         index)
{
  gsize p = cd_offset;

  for (guint i = 0; i < index; i++)
    p += 46 + (data[p + 28] | (data[p + 29] << 8));
  g_assert_cmpmem (data + p, 4, "PK\001\002", 4);
  return p;
}

static void
test_damaged (void)
{
  g_autoptr(GBytes) good = workbook_with_sheet (main_sheet, NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (good, &len);
  guint32 cd_offset = data[len - 6] | (data[len - 5] << 8) | (data[len - 4] << 16) |
                      ((guint32) data[len - 3] << 24);
  guint8 garbage[2000];
  g_autoptr(GBytes) random = NULL;
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (good, 0, len / 2);
  g_autoptr(GBytes) no_end = g_bytes_new_from_bytes (good, 0, len - 1);
  /* _rels/.rels (1) and the sheet (6) are read. */
  g_autoptr(GBytes) far_entry = bytes_patched (good, central_entry (data, cd_offset, 1) + 42,
                                               0xffffff00u);
  g_autoptr(GBytes) far_directory = bytes_patched (good, len - 6, 0x7fffffffu);
  g_autoptr(GBytes) long_directory = bytes_patched (good, len - 10, 0x7fffffffu);
  g_autoptr(GBytes) huge_entry = bytes_patched (good, central_entry (data, cd_offset, 6) + 20,
                                                0xfffffff0u);
  g_autoptr(GBytes) ole = NULL;
  guint8 ole_header[512] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  /* Random bytes after a zip's signature. */
  memcpy (garbage, "PK\003\004", 4);
  for (guint i = 4; i < sizeof garbage; i++)
    garbage[i] = g_test_rand_int_range (0, 256);
  random = g_bytes_new (garbage, sizeof garbage);
  g_assert_true (fw_xlsx_read_is_workbook (random));
  assert_refused (random, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");

  /* Cut short: the end record is gone. */
  assert_refused (half, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  assert_refused (no_end, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  /* Offsets and sizes past the end of the file. */
  assert_refused (far_entry, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  assert_refused (far_directory, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  assert_refused (long_directory, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  assert_refused (huge_entry, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");

  /* What Excel saves with a password (and an old .xls). */
  ole = g_bytes_new (ole_header, sizeof ole_header);
  g_assert_true (fw_xlsx_read_is_workbook (ole));
  assert_refused (ole, 1024 * 1024, FW_XLSX_READ_ERROR_ENCRYPTED, "password-protected");

  /* A deflated sheet cut in the middle of its stream. */
  {
    g_autoptr(GBytes) whole = fw_test_deflate (main_sheet, strlen (main_sheet));
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
    g_autoptr(GBytes) bytes = workbook_with_sheet (main_sheet, cut);

    assert_refused (bytes, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
  }

  /* XML that is not well formed, a shared string that does not exist, a cell
   * reference past Excel's last row. */
  {
    const char *sheets[] = {
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</c></row></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row></sheetData>"
      "</worksheet>",
      "<worksheet><sheetData><row><c r=\"A1048577\"><v>1</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"0\"/></sheetData></worksheet>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
      {
        g_autoptr(GBytes) bytes = workbook_with_sheet (sheets[i], NULL);

        assert_refused (bytes, 1024 * 1024, FW_XLSX_READ_ERROR_DAMAGED, "damaged");
      }
  }

  /* Plain text is not taken for a workbook. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("PK,a,b\n", 7);

    g_assert_false (fw_xlsx_read_is_workbook (text));
  }
}

/* A zip bomb: a sheet that says it is 1000 bytes and inflates to 4 MiB, refused
 * when the limit is passed, from what came out, not from what the zip said. */
static void
test_limits (void)
{
  g_autoptr(GBytes) bomb = fw_test_deflate_repeated ("<worksheet><sheetData>", "<a/>",
                                                     4 * 1024 * 1024);
  g_autoptr(GBytes) bytes = workbook_with_sheet (main_sheet, bomb);
  g_autoptr(GString) wide = g_string_new ("<worksheet><sheetData>");
  g_autoptr(GBytes) wide_bytes = NULL;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 64 * 1024);
  assert_refused (bytes, 1024 * 1024, FW_XLSX_READ_ERROR_TOO_LARGE, "MiB, too large");

  /* 300 rows that each end at column XFD: 4.9 million cells to make. */
  for (guint r = 1; r <= 300; r++)
    g_string_append_printf (wide, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
  g_string_append (wide, "</sheetData></worksheet>");
  wide_bytes = workbook_with_sheet (wide->str, NULL);
  assert_refused (wide_bytes, 1024 * 1024, FW_XLSX_READ_ERROR_TOO_MANY_CELLS, "cells");

  /* Empty rows count too: 200 rows to XFD and a cell on the last row are more than
   * 4,194,304 rows and cells to make. */
  {
    g_autoptr(GString) tall = g_string_new ("<worksheet><sheetData>");
    g_autoptr(GBytes) tall_bytes = NULL;

    for (guint r = 1; r <= 200; r++)
      g_string_append_printf (tall, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
    g_string_append (tall, "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"
                           "</sheetData></worksheet>");
    tall_bytes = workbook_with_sheet (tall->str, NULL);
    assert_refused (tall_bytes, 1024 * 1024, FW_XLSX_READ_ERROR_TOO_MANY_CELLS, "cells");
  }

  /* … while one such row is read, the cells before it empty. */
  {
    g_autoptr(GBytes) one = workbook_with_sheet ("<worksheet><sheetData><row r=\"2\">"
                                                 "<c r=\"XFD2\"><v>7</v></c></row>"
                                                 "</sheetData></worksheet>", NULL);
    g_autoptr(GPtrArray) records = read_ok (one);
    GPtrArray *row;

    g_assert_cmpuint (records->len, ==, 2);
    row = g_ptr_array_index (records, 1);
    g_assert_cmpuint (row->len, ==, 16384);
    g_assert_cmpstr (g_ptr_array_index (row, 16383), ==, "7");
    g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx-read/cells", test_cells);
  g_test_add_func ("/xlsx-read/not-workbooks", test_not_workbooks);
  g_test_add_func ("/xlsx-read/damaged", test_damaged);
  g_test_add_func ("/xlsx-read/limits", test_limits);
  return g_test_run ();
}
