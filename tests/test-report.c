/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-test-language.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

static char *dir = NULL;

static char *
temp_pdf (const char *name)
{
  if (dir == NULL)
    dir = g_dir_make_tmp ("fw-report-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static gboolean
write_report (FwWorkbook  *workbook,
              const char  *path,
              FwPaper      paper,
              GError     **error)
{
  g_autoptr(GFile) out = g_file_new_for_path (path);
  FwReportOptions options;

  fw_report_options_init (&options);
  options.paper = paper;
  return fw_report_write (workbook, out, &options, NULL, NULL, NULL, error);
}

/* Runs a tool; NULL (and the test skipped) when it is not installed. */
static char *
run_tool (const char * const *argv,
          int                *status)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

/* Whitespace removed: pdftotext breaks lines where the layout did. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status;

  out = run_tool (argv, &status);
  if (out == NULL)
    return -1;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* Outline items: cairo writes each as "<< /Title … /Parent …". */
static guint
count_outline_items (const char *path)
{
  g_autofree char *data = NULL;
  gsize size;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  /* Not g_strstr_len(): the compressed streams hold NUL bytes. */
  for (const char *p = data; p + 10 < data + size; p++)
    {
      const char *eol;

      if (memcmp (p, "<< /Title ", 10) != 0)
        continue;
      eol = memchr (p, '\n', data + size - p);

      if (eol && g_str_has_prefix (eol + 1, "   /Parent "))
        n++;
    }
  return n;
}

/* @word is nowhere split by a line break in @out, pdftotext's text of a PDF
 * (-raw: a line per line laid out). Only splits after the third character are
 * looked for: pdftotext itself splits after a kerned capital ("T / ransactions"). */
static void
assert_not_broken (const char *out,
                   const char *word)
{
  gsize n = strlen (word);

  for (gsize k = 3; k + 2 <= n; k++)
    {
      g_autofree char *split = g_strdup_printf ("%.*s\n%s", (int) k, word, word + k);

      if (strstr (out, split) != NULL)
        g_error ("“%s” breaks across two lines in the PDF", word);
    }
}

static void
check_texts (FwWorkbook *workbook,
             const char *path)
{
  /* -raw: in drawing order, so a table's cells do not interleave. */
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  int status;

  out = run_tool (argv, &status);
  if (out == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Each page's last line is its footer, drawn after the page's content: out
   * of the way, a paragraph that flows on to the next page reads as one. */
  pages = g_strsplit (out, "\f", -1);
  for (guint p = 0; pages[p]; p++)
    {
      char *end = pages[p] + strlen (pages[p]);

      while (end > pages[p] && end[-1] == '\n')
        *--end = '\0';
      end = strrchr (pages[p], '\n');
      if (end)
        *end = '\0';
      g_string_append (body, pages[p]);
    }
  text = squash (body->str);

  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);

      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          g_autofree char *why = squash (fw_idea_get_why (idea, s));

          if (strstr (text, why) == NULL)
            g_error ("idea %u, stage %u: the why is not in the PDF: %s", i, s, why);
        }
      for (guint r = 0; r < fw_assessment_get_n_reasons (assessment); r++)
        {
          g_autofree char *reason = squash (fw_assessment_get_reason (assessment, r)->text);

          if (strstr (text, reason) == NULL)
            g_error ("idea %u: the reason is not in the PDF: %s", i, reason);
        }
      {
        g_autofree char *t = squash (fw_idea_get_text (idea, FW_IDEA_CONCERNS));
        g_assert_nonnull (strstr (text, t));
      }
    }
  /* Ratings in the report's language (issue #14: the English report printed
   * 高/中/低), and the one summary line. The samples' first idea is rated
   * high, medium, high. */
  if (g_str_equal (fw_i18n_current_language (), "ja"))
    {
      g_assert_nonnull (strstr (text, "重要度:高"));
      g_assert_nonnull (strstr (text, "高·中·高"));
      g_assert_nonnull (strstr (text, "PoC優先度8/9"));
    }
  else
    {
      g_assert_nonnull (strstr (text, "Importance:High"));
      g_assert_nonnull (strstr (text, "Urgency:Medium"));
      g_assert_nonnull (strstr (text, "High·Medium·High"));
      g_assert_nonnull (strstr (text, "Winningpattern·score93·PoCpriority8of9"));
      g_assert_null (strstr (text, "高"));
      g_assert_null (strstr (text, "中"));
    }

  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    {
      FwCase *item = fw_workbook_get_case (workbook, i);

      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          g_auto(GStrv) words = g_strsplit (fw_case_get_why (item, s), " ", -1);
          g_autofree char *why = squash (fw_case_get_why (item, s));

          /* A row that runs over a page continues under the repeated header,
           * beside its neighbours' lines: whole when short, word by word when long. */
          if (strlen (why) < 300)
            g_assert_nonnull (strstr (text, why));
          for (guint w = 0; words[w]; w++)
            {
              g_autofree char *word = squash (words[w]);

              if (strstr (text, word) == NULL)
                g_error ("case %u, stage %u: “%s” is not in the PDF", i, s, word);
              /* Nor broken across two lines in its narrow column, where no
               * hyphen shows it ("recommendati / on"). Japanese breaks between
               * any two characters. */
              if (!g_str_equal (fw_i18n_current_language (), "ja"))
                assert_not_broken (out, words[w]);
            }
        }
      /* The deck's problem, solution and impact, in paragraphs of their own. */
      for (FwCaseText f = FW_CASE_PROBLEM; f <= FW_CASE_IMPACT; f++)
        {
          g_autofree char *fact = squash (fw_case_get_text (item, f));

          if (*fact && strstr (text, fact) == NULL)
            g_error ("case %u: “%s” is not in the PDF", i, fact);
        }
    }
}

/* Every word pdftotext finds lies inside the page. */
static void
check_inside_page (const char *path,
                   double      width,
                   double      height)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;
  int status;

  out = run_tool (argv, &status);
  if (out == NULL)
    return;
  regex = g_regex_new ("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" xMax=\"([-0-9.]+)\" "
                       "yMax=\"([-0-9.]+)\"", 0, 0, NULL);
  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      double v[4];

      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *s = g_match_info_fetch (match, k + 1);
          v[k] = g_ascii_strtod (s, NULL);
        }
      g_assert_cmpfloat (v[0], >=, 0);
      g_assert_cmpfloat (v[1], >=, 0);
      g_assert_cmpfloat (v[2], <=, width);
      g_assert_cmpfloat (v[3], <=, height);
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >, 100);
}

static void
check_qpdf (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  int status;

  out = run_tool (argv, &status);
  if (out == NULL)
    return;
  /* Exit status 0: no errors and no warnings. */
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check %s failed:\n%s", path, out);
}

static void
test_sample (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("sample-%s.pdf", lang);
  g_autofree char *path = temp_pdf (name);
  g_autofree char *sample = g_strdup_printf ("sample-%s.flywheel", lang);
  guint n_ideas, n_pages, last_page = 0;
  double w, h;

  fw_test_use_language (lang);
  workbook = fw_test_load_sample (lang);
  n_ideas = fw_workbook_get_n_ideas (workbook);
  g_assert_cmpuint (n_ideas, >, 0);

  fw_paper_get_size (FW_PAPER_A4, &w, &h);
  report = fw_report_new (workbook, w, h, NULL, NULL);
  n_pages = fw_report_get_n_pages (report);
  /* Cover, portfolio, at least a page per idea, the cases. */
  g_assert_cmpuint (n_pages, >=, 3 + n_ideas);

  /* Bookmarks: Cover, Portfolio, Ideas with one per idea, Cases, in page order. */
  g_assert_cmpuint (fw_report_get_n_bookmarks (report), ==, 4 + n_ideas);
  g_assert_cmpuint (fw_report_get_bookmark (report, 0)->page, ==, 0);
  g_assert_cmpuint (fw_report_get_bookmark (report, 1)->page, ==, 1);
  for (guint i = 0; i < fw_report_get_n_bookmarks (report); i++)
    {
      const FwReportBookmark *bookmark = fw_report_get_bookmark (report, i);

      g_assert_cmpuint (bookmark->page, >=, last_page);
      g_assert_cmpuint (bookmark->page, <, n_pages);
      g_assert_cmpint (bookmark->level, ==, i >= 3 && i < 3 + n_ideas ? 1 : 0);
      /* Each idea starts on a page of its own. */
      if (i > 3 && i < 3 + n_ideas)
        g_assert_cmpuint (bookmark->page, >, last_page);
      last_page = bookmark->page;
    }

  g_assert_true (write_report (workbook, path, FW_PAPER_A4, &error));
  g_assert_no_error (error);
  if (pdf_pages (path) < 0)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  g_assert_cmpint (pdf_pages (path), ==, n_pages);
  g_assert_cmpuint (count_outline_items (path), ==, 4 + n_ideas);
  check_qpdf (path);
  check_texts (workbook, path);
  check_inside_page (path, w, h);

  /* Letter is a different page size, and still passes. */
  {
    g_autofree char *letter = temp_pdf ("letter.pdf");

    g_assert_true (write_report (workbook, letter, FW_PAPER_LETTER, &error));
    check_qpdf (letter);
    fw_paper_get_size (FW_PAPER_LETTER, &w, &h);
    check_inside_page (letter, w, h);
  }
  fw_test_use_language (NULL);
}

static char *
long_text (const char *word,
           guint       length)
{
  GString *text = g_string_new (NULL);
  guint k = 0;

  while (g_utf8_strlen (text->str, -1) < length)
    g_string_append_printf (text, "%s%u ", word, k++);
  return g_string_free (text, FALSE);
}

static void
test_long_texts (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwReport) before = NULL;
  g_autoptr(FwReport) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("long.pdf");
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  g_autofree char *unbroken = NULL;
  double w, h;

  fw_test_use_language ("en");
  fw_paper_get_size (FW_PAPER_A4, &w, &h);
  before = fw_report_new (workbook, w, h, NULL, NULL);

  /* 2,000 characters each: words, Japanese with no spaces, and one word
   * longer than a line, which must break inside itself. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *text = NULL;

      if (s == FW_STAGE_DATA)
        text = long_text ("データが増えると精度が上がる", 2000);
      else
        text = long_text (s == 0 ? "customer" : "traffic", 2000);
      fw_idea_set_why (idea, s, text);
    }
  unbroken = g_strnfill (300, 'x');
  fw_idea_set_text (idea, FW_IDEA_CONCERNS, unbroken);
  {
    g_autoptr(FwCase) item = g_object_ref (fw_workbook_get_case (workbook, 0));
    g_autofree char *text = long_text ("case", 2000);

    fw_case_set_why (item, FW_STAGE_MODEL, text);
  }

  after = fw_report_new (workbook, w, h, NULL, NULL);
  /* The long texts flow on to more pages instead of being cut. */
  g_assert_cmpuint (fw_report_get_n_pages (after), >=, fw_report_get_n_pages (before) + 3);

  g_assert_true (write_report (workbook, path, FW_PAPER_A4, &error));
  g_assert_no_error (error);
  if (pdf_pages (path) < 0)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  g_assert_cmpint (pdf_pages (path), ==, fw_report_get_n_pages (after));
  check_qpdf (path);
  check_texts (workbook, path);
  check_inside_page (path, w, h);
  fw_test_use_language (NULL);
}

static void
test_empty (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("empty.pdf");
  double w, h;

  fw_paper_get_size (FW_PAPER_A4, &w, &h);
  report = fw_report_new (workbook, w, h, NULL, NULL);
  /* Cover, portfolio, cases: no idea section and no "Ideas" bookmark. */
  g_assert_cmpuint (fw_report_get_n_pages (report), ==, 3);
  g_assert_cmpuint (fw_report_get_n_bookmarks (report), ==, 3);
  g_assert_true (write_report (workbook, path, FW_PAPER_A4, &error));
  g_assert_no_error (error);
  check_qpdf (path);
}

static void
test_errors (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = temp_pdf ("cancelled.pdf");
  g_autofree char *missing = temp_pdf ("no-such-folder/out.pdf");
  g_autoptr(GFile) out = g_file_new_for_path (path);

  /* Cancelled: an error, and no file. */
  g_cancellable_cancel (cancellable);
  g_assert_false (fw_report_write (workbook, out, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An existing file stays as it was when writing fails. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (fw_report_write (workbook, out, NULL, cancellable, NULL, NULL, &error));
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old");
  }

  g_assert_false (write_report (workbook, missing, FW_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

typedef struct
{
  double   last;
  guint    calls;
  gboolean decreased;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->decreased |= fraction < progress->last;
  progress->last = fraction;
  progress->calls++;
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FwWorkbook *copy = task_data;
  g_autofree char *path = temp_pdf ("thread.pdf");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  GError *error = NULL;
  Progress *progress = g_object_get_data (G_OBJECT (task), "progress");

  if (fw_report_write (copy, out, NULL, cancellable, progress_cb, progress, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
test_thread (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("ja");
  g_autoptr(FwWorkbook) copy = fw_report_copy_workbook (workbook);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_assert_true (fw_workbook_equal (workbook, copy));
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (copy), g_object_unref);
  g_object_set_data (G_OBJECT (task), "progress", &progress);
  g_task_run_in_thread_sync (task, write_thread);
  g_assert_true (g_task_propagate_boolean (task, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >, 3);
  g_assert_false (progress.decreased);
  g_assert_cmpfloat (progress.last, ==, 1.0);
}

/* The samples with their first idea assessed by three members (split on customer
 * experience, holds to strong on traffic, weak to strong on data: agreement 50) and
 * decided; the report written in @lang as a parameter, whatever the thread's. */
static FwWorkbook *
make_team_sample (void)
{
  FwWorkbook *workbook = fw_test_load_sample ("en");
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  FwMemberAssessment *a;

  a = fw_test_member_assess (workbook, idea, "Aiko", FW_ROLE_ENGINEER, "hhwh");
  fw_member_assessment_set_comment (a, "Logs are there already");
  fw_test_member_assess (workbook, idea, "Ben", FW_ROLE_DESIGNER, "bhsh");
  fw_test_member_assess (workbook, idea, "Chie", FW_ROLE_DATA_SCIENTIST, "hshh");
  fw_idea_set_decision (idea, FW_DECISION_ADOPT_POC);
  fw_idea_set_decision_rationale (idea, "Cheap to try on the search page");
  fw_idea_set_decision_date (idea, "2026-12-01");
  return workbook;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  int status;

  out = run_tool (argv, &status);
  if (out == NULL)
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squash (out);
}

/* A long title wraps before "the team's view", never inside it: in Japanese, where
 * a line may break between any two characters, the heading read "チームの / 見方". */
static void
test_team_heading_whole (void)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", NULL, "-", NULL };
  const char *view = "チームの見方";

  /* Titles one letter longer each: one of them ends its line inside the heading. */
  for (guint k = 0; k < 14; k++)
    {
      g_autoptr(FwWorkbook) workbook = make_team_sample ();
      g_autofree char *path = temp_pdf ("team-heading.pdf");
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *padding = g_strnfill (k, 'o');
      g_autofree char *title = g_strdup_printf ("Search results in the order you wo%suld book",
                                                padding);
      g_autofree char *raw = NULL;
      FwReportOptions options;
      int status;

      fw_idea_set_title (fw_workbook_get_idea (workbook, 0), title);
      fw_report_options_init (&options);
      options.language = "ja";
      g_assert_true (fw_report_write (workbook, out, &options, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      argv[4] = path;
      raw = run_tool (argv, &status);
      if (raw == NULL)
        {
          g_test_skip ("pdftotext is not installed");
          return;
        }
      g_assert_nonnull (strstr (raw, view));
      for (const char *p = g_utf8_next_char (view); *p; p = g_utf8_next_char (p))
        {
          g_autofree char *split = g_strdup_printf ("%.*s\n%s", (int) (p - view), view, p);

          if (strstr (raw, split) != NULL)
            g_error ("“%s” breaks inside its team page's heading", title);
        }
    }
}

static void
test_team (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(FwWorkbook) workbook = make_team_sample ();
  g_autofree char *name = g_strdup_printf ("team-%s.pdf", lang);
  g_autofree char *path = temp_pdf (name);
  g_autofree char *plain_path = temp_pdf ("plain.pdf");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *comment = squash ("Logs are there already");
  g_autofree char *rationale = squash ("Cheap to try on the search page");
  guint n_ideas = fw_workbook_get_n_ideas (workbook);
  FwReportOptions options;

  fw_report_options_init (&options);
  options.language = lang;
  g_assert_true (fw_report_write (workbook, out, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  /* Cover, Portfolio, Ideas with one per idea, the team round, Cases. */
  g_assert_cmpuint (count_outline_items (path), ==, 5 + n_ideas);
  check_qpdf (path);
  g_assert_nonnull (strstr (text, comment));
  g_assert_nonnull (strstr (text, rationale));
  g_assert_nonnull (strstr (text, "2026-12-01"));
  if (g_str_equal (lang, "ja"))
    {
      /* The portfolio's ranked table. */
      g_assert_nonnull (strstr (text, "チームの一致度50/100·PoCに採用"));
      g_assert_nonnull (strstr (text, "チームの見方"));
      g_assert_nonnull (strstr (text, "一致度:50/100（メンバー3人が評価）"));
      g_assert_nonnull (strstr (text, "Aiko（エンジニア）"));
      g_assert_nonnull (strstr (text, "Ben（デザイナー）"));
      g_assert_nonnull (strstr (text, "途切れている〜成立"));
      g_assert_nonnull (strstr (text, "見方が割れています"));
      g_assert_nonnull (strstr (text, "決定:PoCに採用—Cheaptotry"));
      g_assert_nonnull (strstr (text, "2026-12-01に決定"));
      g_assert_nonnull (strstr (text, "チームでの評価"));
      g_assert_nonnull (strstr (text, "見方が分かれている順のアイデア"));
      g_assert_null (strstr (text, "Agreement"));
    }
  else
    {
      g_assert_nonnull (strstr (text, "Teamagreement50/100·AdoptforaPoC"));
      g_assert_nonnull (strstr (text, "theteam’sview"));
      g_assert_nonnull (strstr (text, "Agreement:50/100(3membersassessedit)"));
      g_assert_nonnull (strstr (text, "Aiko(Engineer)"));
      g_assert_nonnull (strstr (text, "Chie(Datascientist)"));
      g_assert_nonnull (strstr (text, "BrokentoHolds"));
      g_assert_nonnull (strstr (text, "WeaktoStrong"));
      g_assert_nonnull (strstr (text, "Split"));
      g_assert_nonnull (strstr (text, "Decision:adoptforaPoC—Cheaptotry"));
      g_assert_nonnull (strstr (text, "Decidedon2026-12-01"));
      g_assert_nonnull (strstr (text, "Theteamround"));
      g_assert_nonnull (strstr (text, "Ideasbydisagreement"));
      g_assert_null (strstr (text, "一致度"));
    }

  /* Without assessments the report has no team page and no team round. */
  {
    g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
    g_autoptr(GFile) plain_out = g_file_new_for_path (plain_path);

    g_assert_true (fw_report_write (sample, plain_out, &options, NULL, NULL, NULL, &error));
    plain = pdf_text (plain_path);
    g_assert_cmpuint (count_outline_items (plain_path), ==, 4 + n_ideas);
    g_assert_null (strstr (plain, g_str_equal (lang, "ja") ? "チームの見方" : "theteam'sview"));
    g_assert_cmpint (pdf_pages (path), ==, pdf_pages (plain_path) + 2);
  }
}

static void
test_slides (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwSlides) slides = NULL;
  FwDiagramStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_t *cr = cairo_create (surface);

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_DARK);
  slides = fw_slides_new (workbook, &style);
  g_assert_cmpuint (fw_slides_get_n_slides (slides), ==, fw_workbook_get_n_ideas (workbook) + 1);
  for (guint i = 0; i < fw_slides_get_n_slides (slides); i++)
    {
      fw_slides_draw (slides, cr, i, 640, 360);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* An idea the members assessed gets the team's slide just before its verdict slide;
 * the others keep one slide each. */
static void
test_slides_team (void)
{
  g_autoptr(FwWorkbook) workbook = make_team_sample ();
  g_autoptr(FwSlides) slides = NULL;
  g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
  FwDiagramStyle style;
  guint first_rank = 0, n_team = 0;
  gboolean team;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < fw_portfolio_get_n_entries (portfolio); i++)
    if (fw_portfolio_get_entry (portfolio, i)->idea == fw_workbook_get_idea (workbook, 0))
      first_rank = fw_portfolio_get_entry (portfolio, i)->rank;
  g_assert_cmpuint (first_rank, >, 0);

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  slides = fw_slides_new (workbook, &style);
  g_assert_cmpuint (fw_slides_get_n_slides (slides), ==, fw_workbook_get_n_ideas (workbook) + 2);
  for (guint i = 0; i < fw_slides_get_n_slides (slides); i++)
    {
      guint rank = fw_slides_get_rank (slides, i, &team);

      if (team)
        {
          gboolean next_team;

          n_team++;
          g_assert_cmpuint (rank, ==, first_rank);
          g_assert_cmpuint (fw_slides_get_rank (slides, i + 1, &next_team), ==, rank);
          g_assert_false (next_team);
        }
      fw_slides_draw (slides, cr, i, 640, 360);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  g_assert_cmpuint (n_team, ==, 1);
  g_assert_cmpuint (fw_slides_get_rank (slides, fw_slides_get_n_slides (slides) - 1, &team), ==,
                    0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int status;

  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/report/sample-en", "en", test_sample);
  g_test_add_data_func ("/report/sample-ja", "ja", test_sample);
  g_test_add_func ("/report/long-texts", test_long_texts);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/errors", test_errors);
  g_test_add_func ("/report/thread", test_thread);
  g_test_add_data_func ("/report/team-en", "en", test_team);
  g_test_add_func ("/report/slides-team", test_slides_team);
  g_test_add_data_func ("/report/team-ja", "ja", test_team);
  g_test_add_func ("/report/team-heading-whole", test_team_heading_whole);
  g_test_add_func ("/report/slides", test_slides);
  status = g_test_run ();
  if (dir)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return status;
}
