/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fw-text-input: reading, decoding and splitting the text people bring. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-text-input.h"
#include "fw-triage.h"

#define LIMIT (1024 * 1024)

static char *
decode (const char  *data,
        gsize        size,
        const char **encoding,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return fw_text_input_decode (bytes, "in.txt", LIMIT, encoding, error);
}

static void
assert_decodes (const char *data,
                gsize       size,
                const char *expected_text,
                const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;
  g_autofree char *text = decode (data, size, &encoding, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (encoding, ==, expected_encoding);
}

static void
assert_refused (const char *data,
                gsize       size,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, size, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, FW_TEXT_INPUT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "in.txt: "));
}

static void
test_encodings (void)
{
  /* "Aあ\r\n" in each encoding; the text keeps its line end. */
  static const char utf8[] = "A\xe3\x81\x82\r\n";
  static const char bom[] = "\xef\xbb\xbf" "A\xe3\x81\x82\r\n";
  static const char le[] = { '\xff', '\xfe', 'A', 0, 0x42, 0x30, '\r', 0, '\n', 0 };
  static const char be[] = { '\xfe', '\xff', 0, 'A', 0x30, 0x42, 0, '\r', 0, '\n' };
  /* 日本 and あ in Shift_JIS, then ① (0x8740), which only CP932 has. */
  static const char cp932[] = "\x93\xfa\x96\x7b\x82\xa0\x87\x40\n";

  assert_decodes (utf8, strlen (utf8), "Aあ\r\n", "UTF-8");
  assert_decodes (bom, strlen (bom), "Aあ\r\n", "UTF-8 with BOM");
  assert_decodes (le, sizeof le, "Aあ\r\n", "UTF-16");
  assert_decodes (be, sizeof be, "Aあ\r\n", "UTF-16");
  assert_decodes (cp932, strlen (cp932), "日本あ①\n", "CP932");
  assert_decodes ("", 0, "", "UTF-8");
}

static void
test_refusals (void)
{
  static const char nul[] = { 'a', 0, 'b' };
  static const char utf16_nul[] = { '\xff', '\xfe', 'a', 0, 0, 0 };
  static const char odd_utf16[] = { '\xff', '\xfe', 'a', 0, 'b' };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assert_refused (nul, sizeof nul, FW_TEXT_INPUT_ERROR_BINARY);
  assert_refused ("a\001b", 3, FW_TEXT_INPUT_ERROR_BINARY);
  assert_refused (utf16_nul, sizeof utf16_nul, FW_TEXT_INPUT_ERROR_BINARY);
  assert_refused ("PK\003\004\024\000", 6, FW_TEXT_INPUT_ERROR_BINARY);
  assert_refused (odd_utf16, sizeof odd_utf16, FW_TEXT_INPUT_ERROR_ENCODING);
  /* Latin-1: 0xe9 starts a CP932 pair that a space cannot end. */
  assert_refused ("caf\xe9 au lait", 12, FW_TEXT_INPUT_ERROR_ENCODING);
  assert_refused ("\xef\xbb\xbf" "caf\xe9", 7, FW_TEXT_INPUT_ERROR_ENCODING);

  /* UTF-8 up to line 3, then a stray byte: not read as CP932, which would garble it. */
  text = decode ("\xe3\x81\x82\r\nb\rc\xff", 9, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "in.txt: line 3 is not valid UTF-8, although the lines before it are");
  g_clear_error (&error);

  /* One message for binary data, whatever gave it away. */
  text = decode (nul, sizeof nul, NULL, &error);
  g_assert_cmpstr (error->message, ==,
                   "in.txt: this is binary data, not text; save it as plain text or CSV");
}

static void
test_size (void)
{
  g_autoptr(GBytes) eleven = g_bytes_new_static ("hello world", 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The limit is the caller's: at it is fine, one byte over is not. */
  text = fw_text_input_decode (eleven, "in.txt", 11, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "hello world");
  g_clear_pointer (&text, g_free);
  text = fw_text_input_decode (eleven, "in.txt", 10, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (fw_text_input_check_size (16 * 1024 * 1024, 16 * 1024 * 1024, "b.txt", &error));
  g_assert_false (fw_text_input_check_size (16 * 1024 * 1024 + 1, 16 * 1024 * 1024, "b.txt",
                                            &error));
  /* GLib puts a no-break space between number and unit. */
  g_assert_cmpstr (error->message, ==,
                   "b.txt: larger than 16.0\u00a0MiB, too large to read");
}

static void
test_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-text-input-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "stories.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "one\ntwo\n", -1, NULL));
  bytes = fw_text_input_read (file, "stories.txt", 8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "one\ntwo\n", 8);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Refused from its size alone, with the name the caller gave. */
  bytes = fw_text_input_read (file, "given/name.txt", 7, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "given/name.txt: larger than 7 bytes"));
  g_clear_error (&error);

  /* GIO's "Error when getting information for file …" is not what the user reads. */
  bytes = fw_text_input_read (missing_file, "missing.txt", LIMIT, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "missing.txt: no such file");
  g_clear_error (&error);

  bytes = fw_text_input_read (folder, "folder", LIMIT, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "folder: is a folder, not a file");
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_lines (const char         *text,
              const char * const *expected)
{
  g_auto(GStrv) lines = fw_text_input_split_lines (text);

  g_assert_cmpstrv (lines, expected);
}

static void
test_lines (void)
{
  assert_lines ("a\r\nb\nc\rd\r\n", (const char *[]) { "a", "b", "c", "d", NULL });
  assert_lines ("a\rb", (const char *[]) { "a", "b", NULL });
  assert_lines ("a\n\nb\r\rc", (const char *[]) { "a", "", "b", "", "c", NULL });
  assert_lines ("", (const char *[]) { NULL });
  assert_lines ("\r\n", (const char *[]) { "", NULL });
  g_assert_cmpuint (fw_text_input_first_line_length ("abc\rdef"), ==, 3);
  g_assert_cmpuint (fw_text_input_first_line_length ("abc"), ==, 3);
}

/* @expected: rows of cells, each row NULL-terminated, the rows ending with NULL. */
static void
assert_rows (const char           *text,
             char                  delimiter,
             const char * const  **expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fw_text_input_parse_csv (text, delimiter, "in.csv", &error);
  guint r = 0;

  g_assert_no_error (error);
  for (; expected[r]; r++)
    {
      GPtrArray *row;

      g_assert_cmpuint (r, <, rows->len);
      row = g_ptr_array_index (rows, r);
      g_assert_cmpuint (row->len, ==, g_strv_length ((char **) expected[r]));
      for (guint c = 0; c < row->len; c++)
        g_assert_cmpstr (g_ptr_array_index (row, c), ==, expected[r][c]);
    }
  g_assert_cmpuint (rows->len, ==, r);
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* RFC 4180: quoted delimiter, doubled quote, a CRLF inside a cell becomes LF. */
  assert_rows ("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\n", ',',
               (const char * const *[]) {
                 (const char *[]) { "a", "b,c", "say \"hi\"", NULL },
                 (const char *[]) { "two\nlines", "x", NULL },
                 NULL });
  /* Lone CRs end rows, and a lone CR inside quotes is a line break. */
  assert_rows ("h1;h2\r\"x\ry\";z\r", ';',
               (const char * const *[]) {
                 (const char *[]) { "h1", "h2", NULL },
                 (const char *[]) { "x\ny", "z", NULL },
                 NULL });
  /* Tabs; an empty last cell; a blank line is a row of one empty cell; no final line end. */
  assert_rows ("a\tb\t\n\nc\td", '\t',
               (const char * const *[]) {
                 (const char *[]) { "a", "b", "", NULL },
                 (const char *[]) { "", NULL },
                 (const char *[]) { "c", "d", NULL },
                 NULL });
  /* Text after a closing quote is kept, as spreadsheets do. */
  assert_rows ("\"a\"b,c\n", ',',
               (const char * const *[]) { (const char *[]) { "ab", "c", NULL }, NULL });

  rows = fw_text_input_parse_csv ("a,b\n1,\"never closed\n2,3\n", ',', "in.csv", &error);
  g_assert_null (rows);
  g_assert_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "in.csv: row 2: a quoted cell is never closed");
  g_clear_error (&error);
  rows = fw_text_input_parse_csv ("\"open", ',', NULL, &error);
  g_assert_cmpstr (error->message, ==, "row 1: a quoted cell is never closed");
}

static void
test_delimiter (void)
{
  g_assert_cmpint (fw_text_input_guess_delimiter ("a,b,c\n"), ==, ',');
  g_assert_cmpint (fw_text_input_guess_delimiter ("a;b;c\r\n"), ==, ';');
  g_assert_cmpint (fw_text_input_guess_delimiter ("a;b,c"), ==, ',');
  g_assert_cmpint (fw_text_input_guess_delimiter ("a\tb,c,d"), ==, '\t');
  /* Inside quotes they do not count, nor do they on the second line (CR-ended). */
  g_assert_cmpint (fw_text_input_guess_delimiter ("\"a;b;c\",d\n"), ==, ',');
  g_assert_cmpint (fw_text_input_guess_delimiter ("a,b\rc;d;e;f"), ==, ',');
  g_assert_cmpint (fw_text_input_guess_delimiter (""), ==, ',');
}

/* Triage reads through the same module: a CP932 backlog and a CR-only one. */
static void
test_backlogs (void)
{
  /* 需要を予測したい CR 商品を探したい CR, in CP932. */
  static const char cp932[] = "\x8e\xf9\x97\x76\x82\xf0\x97\x5c\x91\xaa\x82\xb5\x82\xbd\x82\xa2\r"
                              "\x8f\xa4\x95\x69\x82\xf0\x92\x54\x82\xb5\x82\xbd\x82\xa2\r";
  g_autoptr(GBytes) bytes = g_bytes_new_static (cp932, strlen (cp932));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fw_triage_decode (bytes, "backlog.txt", &error);
  g_auto(GStrv) stories = NULL;
  g_auto(GStrv) workbook = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "需要を予測したい\r商品を探したい\r");
  stories = fw_triage_split (text, FW_TRIAGE_INPUT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (stories, ((const char *[]) { "需要を予測したい", "商品を探したい", NULL }));

  /* A workbook is not a backlog of one long story. */
  workbook = fw_triage_split ("\n{ \"format\": \"flywheel-workbook\", \"version\": 1 }\n",
                              FW_TRIAGE_INPUT_AUTO, &error);
  g_assert_null (workbook);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_NOT_BACKLOG);
  g_assert_true (g_str_has_prefix (error->message, "this is a Flywheel workbook, not a backlog"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-input/encodings", test_encodings);
  g_test_add_func ("/text-input/refusals", test_refusals);
  g_test_add_func ("/text-input/size", test_size);
  g_test_add_func ("/text-input/read", test_read);
  g_test_add_func ("/text-input/lines", test_lines);
  g_test_add_func ("/text-input/csv", test_csv);
  g_test_add_func ("/text-input/delimiter", test_delimiter);
  g_test_add_func ("/text-input/backlogs", test_backlogs);
  return g_test_run ();
}
