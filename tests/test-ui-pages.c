/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fw-case-library.h"
#include "fw-cases-page.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-learn-page.h"
#include "fw-quiz-page.h"
#include "fw-test-ui.h"

static GtkWindow *
show_in_window (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  fw_test_spin ();
  return window;
}

/* Counts glyphs the fonts could not draw (tofu) in every label under @root, and
 * collects the labels' text for checks on the language. */
static guint
count_unknown_glyphs (GtkWidget *root,
                      GString   *texts)
{
  guint n = 0;

  if (GTK_IS_LABEL (root))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (root));
      PangoLayoutIter *iter = pango_layout_get_iter (layout);

      g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
      do
        {
          PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

          if (run == NULL)
            continue;
          for (int g = 0; g < run->glyphs->num_glyphs; g++)
            if (run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
              {
                g_test_message ("unknown glyph in “%s”", gtk_label_get_text (GTK_LABEL (root)));
                n++;
              }
        }
      while (pango_layout_iter_next_run (iter));
      pango_layout_iter_free (iter);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_unknown_glyphs (child, texts);
  return n;
}

static void
test_learn_page (void)
{
  GtkWidget *page = fw_learn_page_new ();
  GtkWindow *window = show_in_window (page);
  GtkWidget *back, *next;

  g_assert_cmpuint (fw_learn_page_get_n_topics (FW_LEARN_PAGE (page)), >=, 10);
  fw_learn_page_show_topic (FW_LEARN_PAGE (page), "winning-pattern");
  fw_test_spin ();
  back = fw_test_find_by_name (page, "flywheel-back");
  next = fw_test_find_by_name (page, "flywheel-next");
  g_assert_false (gtk_widget_get_sensitive (back));
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_test_click (page, "flywheel-next");
  g_assert_false (gtk_widget_get_sensitive (next));
  fw_test_click (page, "flywheel-back");
  g_assert_true (gtk_widget_get_sensitive (next));
  gtk_window_destroy (window);
}

static void
test_quiz_page (void)
{
  GtkWidget *page = fw_quiz_page_new ();
  GtkWindow *window = show_in_window (page);
  FwQuizPage *quiz = FW_QUIZ_PAGE (page);
  GtkWidget *score_label = fw_test_find_by_name (page, "quiz-score");

  /* a) pricing: regression is the deck's answer. */
  fw_test_click (page, "task-regression");
  g_assert_cmpuint (fw_quiz_page_get_score (quiz)->n_correct, ==, 1);
  /* The deck's "is there another way?" follows every answer, the right one too. */
  {
    GtkWidget *another = fw_test_find_by_name (page, "quiz-another-way");

    g_assert_true (gtk_widget_get_visible (another));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (another)),
                                     "Is there another way?\nAnomaly detection works too"));
  }
  fw_test_click (page, "quiz-next");
  /* b) counterfeit goods: ranking is wrong. */
  fw_test_click (page, "task-ranking");
  g_assert_cmpuint (fw_quiz_page_get_score (quiz)->n_wrong, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (score_label)), ==,
                   "1 of 2 match the deck's answers");
  fw_test_click (page, "quiz-next");
  /* c) mis-categorised products: classification is another way the deck allows. */
  fw_test_click (page, "task-classification");
  g_assert_cmpuint (fw_quiz_page_get_score (quiz)->n_alternative, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (score_label)), ==,
                   "1 of 3 match the deck's answers, and 1 more is another way that works");
  fw_test_click (page, "quiz-next");
  fw_test_click (page, "task-clustering");
  fw_test_click (page, "quiz-next");
  fw_test_click (page, "task-regression");
  fw_test_click (page, "quiz-next");
  g_assert_cmpuint (fw_quiz_page_get_score (quiz)->n_answered, ==, 5);
  g_assert_cmpuint (fw_quiz_score_get_points (fw_quiz_page_get_score (quiz)), ==, 3);
  /* The score page reviews the two answers that were not the deck's, in order. */
  {
    GtkWidget *review = fw_test_find_by_name (page, "quiz-review");
    GtkWidget *row;

    g_assert_true (gtk_widget_get_visible (review));
    row = gtk_widget_get_first_child (review);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Identify counterfeit goods");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                     "Your answer: Ranking. The deck's: classification."));
    row = gtk_widget_get_next_sibling (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Find mis-categorised products");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                     "Your answer, classification, works too; the deck's "
                                     "is anomaly detection."));
    g_assert_null (gtk_widget_get_next_sibling (row));
  }

  /* 3 of 5, most of them: the score page's check mark. */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (fw_test_find_by_name (page,
                                                                     "quiz-result"))), ==,
                   "emblem-ok-symbolic");

  fw_test_click (page, "quiz-retry");
  g_assert_cmpuint (fw_quiz_page_get_score (quiz)->n_answered, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (score_label)), ==, "");
  /* None of five right (ranking is no question's answer): no check mark. */
  for (guint q = 0; q < 5; q++)
    {
      fw_test_click (page, "task-ranking");
      fw_test_click (page, "quiz-next");
    }
  g_assert_cmpuint (fw_quiz_score_get_points (fw_quiz_page_get_score (quiz)), ==, 0);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (fw_test_find_by_name (page,
                                                                     "quiz-result"))), ==,
                   "dialog-information-symbolic");
  gtk_window_destroy (window);
}

static void
test_cases_page (void)
{
  GtkWidget *page = fw_cases_page_new ();
  GtkWindow *window = show_in_window (page);
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  GtkWidget *count = fw_test_find_by_name (page, "case-count");
  static const char *mine[] = { "It is faster.", "Friends tell friends.", "More receipts.",
                                "More labels." };
  FwCase *item;

  fw_cases_page_set_workbook (FW_CASES_PAGE (page), workbook);
  fw_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==,
                   "0 cases — the homework asks for 2 to 6");

  fw_test_click (page, "library-case-0");
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==,
                   "1 case — the homework asks for 2 to 6");
  /* The same library case cannot be added twice. */
  g_assert_false (gtk_widget_get_sensitive (fw_test_find_by_name (page, "library-case-0")));
  g_assert_true (gtk_widget_get_sensitive (fw_test_find_by_name (page, "library-case-1")));

  /* The exercise: own answers first, then the deck's beside them, then keep mine. */
  fw_test_click (page, "exercise");
  g_assert_false (gtk_widget_get_sensitive (fw_test_find_by_name (page, "reveal-examples")));
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *name = g_strdup_printf ("mine-%u", s);

      gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, name)), mine[s]);
    }
  fw_test_click (page, "reveal-examples");
  g_assert_true (gtk_widget_get_visible (fw_test_find_by_name (page, "keep-mine")));
  fw_test_click (page, "keep-mine");
  item = fw_workbook_get_case (workbook, 0);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_cmpstr (fw_case_get_why (item, s), ==, mine[s]);

  /* Back again, the PM's answers are still there; this time use the deck's. */
  fw_test_click (page, "exercise");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-2"))), ==,
                   mine[2]);
  fw_test_click (page, "reveal-examples");
  fw_test_click (page, "use-example");
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_cmpstr (fw_case_get_why (item, s), ==, fw_case_library_get_example_why (0, s));

  /* The PM's own case through the editor. */
  fw_test_click (page, "add-own-case");
  g_assert_false (gtk_widget_get_sensitive (fw_test_find_by_name (page, "save-case")));
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "case-name")), "Spotify Enhance");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "why-0")), "Playlists fit | taste");
  /* The PM's own case has the deck's three parts too. */
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "case-impact")), "More listening");
  fw_test_click (page, "save-case");
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), ==, 2);
  item = fw_workbook_get_case (workbook, 1);
  g_assert_cmpstr (fw_case_get_name (item), ==, "Spotify Enhance");
  g_assert_cmpstr (fw_case_get_why (item, FW_STAGE_CUSTOMER_EXPERIENCE), ==,
                   "Playlists fit | taste");
  g_assert_cmpstr (fw_case_get_text (item, FW_CASE_IMPACT), ==, "More listening");
  g_assert_cmpstr (fw_case_get_text (item, FW_CASE_PROBLEM), ==, "");
  g_assert_cmpint (fw_case_library_find (fw_case_get_id (item)), ==, -1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==,
                   "2 cases — the homework asks for 2 to 6");
  gtk_window_destroy (window);
}

/* #14: Keep Mine never erases the deck's answers for the questions left blank, is
 * undoable, and a removed or changed deck case can be added again. */
static void
test_cases_keep_mine (void)
{
  GtkWidget *page = fw_cases_page_new ();
  GtkWindow *window = show_in_window (page);
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  /* The deck's (CONTENT.md §4) Intuit answers, as the English library words them. */
  static const char *deck[] = {
    "ML classifies the deductions automatically.",
    "Work that took hours now takes minutes.",
    "The more users, the more transaction data.",
    "Transactions come paired with what was actually filed.",
  };
  FwCase *item;

  fw_cases_page_set_workbook (FW_CASES_PAGE (page), workbook);
  fw_test_spin ();
  fw_test_click (page, "library-case-0");
  item = fw_workbook_get_case (workbook, 0);

  /* Only ① and ③ answered; ② is blank and ④ only spaces. */
  fw_test_click (page, "exercise");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-0")), "No more shoeboxes.");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-2")), "Every bank feed.");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-3")), "   ");
  fw_test_click (page, "reveal-examples");
  fw_test_click (page, "keep-mine");
  g_assert_cmpstr (fw_case_get_why (item, 0), ==, "No more shoeboxes.");
  g_assert_cmpstr (fw_case_get_why (item, 1), ==, deck[1]);
  g_assert_cmpstr (fw_case_get_why (item, 2), ==, "Every bank feed.");
  g_assert_cmpstr (fw_case_get_why (item, 3), ==, deck[3]);

  /* Undo puts the deck's four answers back. */
  g_assert_true (gtk_widget_activate_action (page, "cases.undo-answers", NULL));
  fw_test_spin ();
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_cmpstr (fw_case_get_why (item, s), ==, deck[s]);

  /* A changed deck case can be brought back as the deck has it, undoably. */
  fw_case_set_why (item, 1, "Changed by hand.");
  fw_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (fw_test_find_by_name (page, "library-case-0")));
  fw_test_click (page, "library-case-0");
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), ==, 1);
  g_assert_cmpstr (fw_case_get_why (item, 1), ==, deck[1]);
  g_assert_false (gtk_widget_get_sensitive (fw_test_find_by_name (page, "library-case-0")));
  g_assert_true (gtk_widget_activate_action (page, "cases.undo-answers", NULL));
  fw_test_spin ();
  g_assert_cmpstr (fw_case_get_why (item, 1), ==, "Changed by hand.");

  /* A removed deck case can be added again. */
  fw_workbook_remove_case (workbook, 0);
  fw_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (fw_test_find_by_name (page, "library-case-0")));
  fw_test_click (page, "library-case-0");
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), ==, 1);
  g_assert_cmpstr (fw_case_get_why (fw_workbook_get_case (workbook, 0), 1), ==, deck[1]);
  gtk_window_destroy (window);
}

static void
test_cases_page_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-en.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = fw_workbook_load (file, NULL, &error);
  GtkWidget *page = fw_cases_page_new ();
  GtkWindow *window = show_in_window (page);

  g_assert_no_error (error);
  fw_cases_page_set_workbook (FW_CASES_PAGE (page), workbook);
  fw_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fw_test_find_by_name (page, "case-count"))), ==,
                   "3 cases — the homework asks for 2 to 6");
  for (guint i = 0; i < fw_case_library_get_n_cases (); i++)
    {
      g_autofree char *name = g_strdup_printf ("library-case-%u", i);

      g_assert_false (gtk_widget_get_sensitive (fw_test_find_by_name (page, name)));
    }
  gtk_window_destroy (window);
}

/* #14: every page fits a 360 px window (the phone width GNOME designs for). */
static void
check_fits_360 (const char *lang,
                const char *sample)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 sample, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = NULL;
  GtkWidget *pages[3];

  g_assert_cmpstr (fw_i18n_current_language (), ==, lang);
  workbook = fw_workbook_load (file, NULL, NULL);
  g_assert_nonnull (workbook);
  pages[0] = fw_learn_page_new ();
  pages[1] = fw_cases_page_new ();
  pages[2] = fw_quiz_page_new ();
  fw_cases_page_set_workbook (FW_CASES_PAGE (pages[1]), workbook);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWindow *window = show_in_window (pages[i]);
      int min;

      /* The views shown later count too: the exercise and the editor. */
      if (i == 1)
        {
          fw_test_click (pages[i], "exercise");
          gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (pages[i], "mine-0")), "x");
          fw_test_click (pages[i], "reveal-examples");
        }
      gtk_widget_measure (pages[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > 360)
        g_error ("%s page %u (%s) needs %d px", G_OBJECT_TYPE_NAME (pages[i]), i, lang, min);
      gtk_window_destroy (window);
    }
}

static void
test_narrow (void)
{
  check_fits_360 ("en", "sample-en.flywheel");
}

static void
test_narrow_ja (void)
{
  check_fits_360 ("ja", "sample-ja.flywheel");
}

/* The height of the "Rules or examples?" drawing in a window @width px wide. */
static int
deduction_height (int width)
{
  GtkWidget *page = fw_learn_page_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *area;
  gint64 end;
  int height;

  gtk_window_set_default_size (window, width, 640);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  fw_learn_page_show_topic (FW_LEARN_PAGE (page), "deductive-inductive");
  /* Until the drawing is laid out (seconds late under ASan), then a little more for
   * the height it asks for once it knows its width. */
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (((area = fw_test_find_by_name (page, "deduction-drawing")) == NULL ||
          gtk_widget_get_width (area) == 0) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (area);
  g_assert_true (gtk_widget_get_mapped (area));
  height = gtk_widget_get_height (area);
  gtk_window_destroy (window);
  return height;
}

/* #14: at 360 px the drawing's boxes wrap their words ("Rules written by people"
 * takes three lines) and grow to hold them, rather than the text running over their
 * edges; wide, it keeps its 280 px in English (Japanese lines are a little taller). */
static void
test_learn_drawing_narrow (void)
{
  int wide = deduction_height (1000);

  if (g_str_equal (fw_i18n_current_language (), "en"))
    g_assert_cmpint (wide, ==, 280);
  g_assert_cmpint (deduction_height (360), >, wide);
}

static void
test_japanese (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-ja.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  GtkWidget *learn, *cases, *quiz;
  GtkWindow *windows[3];

  workbook = fw_workbook_load (file, NULL, NULL);
  g_assert_nonnull (workbook);
  learn = fw_learn_page_new ();
  cases = fw_cases_page_new ();
  quiz = fw_quiz_page_new ();
  fw_cases_page_set_workbook (FW_CASES_PAGE (cases), workbook);
  windows[0] = show_in_window (learn);
  windows[1] = show_in_window (cases);
  windows[2] = show_in_window (quiz);
  /* Feedback, the winning pattern's last step: text that only shows later. */
  fw_test_click (quiz, "task-clustering");
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_test_click (learn, "flywheel-next");

  g_assert_cmpuint (count_unknown_glyphs (learn, texts), ==, 0);
  g_assert_cmpuint (count_unknown_glyphs (cases, texts), ==, 0);
  g_assert_cmpuint (count_unknown_glyphs (quiz, texts), ==, 0);

  /* The pages really are in Japanese, in the deck's own terms. */
  g_assert_nonnull (strstr (texts->str, "勝ちパターン"));
  g_assert_nonnull (strstr (texts->str, "顧客体験を迅速に改善するため。"));
  g_assert_nonnull (strstr (texts->str, "事例 3件 — 宿題は2〜6件です"));
  g_assert_nonnull (strstr (texts->str, "人手による商品価格設定の効率化"));
  g_assert_nonnull (strstr (texts->str, "説明性"));
  g_assert_null (strstr (texts->str, "Why machine learning?"));

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    gtk_window_destroy (windows[i]);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The whole interface follows the process's language, set once at start-up:
   * tests/meson.build runs this program in English (ui-pages) and in Japanese
   * (ui-pages-ja, LANGUAGE=ja), each with its own cases. */
  fw_i18n_init ();
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ja") == 0)
    {
      /* Not a skip: the test depends on the catalogue, which must be built. */
      if (!g_str_equal (fw_i18n_current_language (), "ja"))
        g_error ("LANGUAGE=ja but the Japanese catalogue is not found");
      g_test_add_func ("/pages/japanese", test_japanese);
      g_test_add_func ("/pages/narrow-ja", test_narrow_ja);
      g_test_add_func ("/pages/learn-drawing-narrow-ja", test_learn_drawing_narrow);
      return g_test_run ();
    }
  g_assert_cmpstr (fw_i18n_current_language (), ==, "en");

  g_test_add_func ("/pages/learn", test_learn_page);
  g_test_add_func ("/pages/quiz", test_quiz_page);
  g_test_add_func ("/pages/cases", test_cases_page);
  g_test_add_func ("/pages/cases-keep-mine", test_cases_keep_mine);
  g_test_add_func ("/pages/cases-sample", test_cases_page_sample);
  g_test_add_func ("/pages/narrow", test_narrow);
  g_test_add_func ("/pages/learn-drawing-narrow", test_learn_drawing_narrow);
  return g_test_run ();
}
