/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

/* A workbook of @n ideas with pseudo-random ratings, evidence and title
 * lengths: the same every run. */
static FwWorkbook *
make_workbook (guint n,
               guint seed)
{
  FwWorkbook *workbook = fw_workbook_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  static const char *words[] = {
    "Smart", "travel", "receipts", "ranking", "fraud", "photo", "search", "hotel",
    "recommendations", "for", "business", "trips", "in", "Kyoto", "宿", "おすすめ",
  };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();
      g_autoptr(GString) title = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 1, 9);

      for (guint w = 0; w < n_words; w++)
        {
          if (w)
            g_string_append_c (title, ' ');
          g_string_append (title, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      fw_idea_set_title (idea, title->str);
      for (guint s = 0; s < FW_N_STAGES; s++)
        if (g_rand_int_range (rand, 0, 5) > 0)
          {
            fw_idea_set_why (idea, s, "Because the data says so.");
            fw_idea_set_evidence (idea, s, g_rand_int_range (rand, 1, FW_N_EVIDENCE));
          }
      for (guint c = 0; c < FW_N_CONDITIONS; c++)
        fw_idea_set_condition (idea, c, g_rand_int_range (rand, 0, 6) == 0);
      /* One in eight unrated, so the "unrated" row is exercised too. */
      if (g_rand_int_range (rand, 0, 8) > 0)
        for (guint p = 0; p < FW_N_PRIORITIES; p++)
          fw_idea_set_priority (idea, p, g_rand_int_range (rand, FW_LEVEL_LOW, FW_N_LEVELS));
      fw_workbook_append_idea (workbook, idea);
    }
  g_rand_free (rand);
  return workbook;
}

static void
test_ranking (void)
{
  g_autoptr(FwWorkbook) workbook = make_workbook (60, 7);
  g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
  guint n = fw_portfolio_get_n_entries (portfolio);
  gboolean seen_unrated = FALSE;
  gboolean *seen = g_new0 (gboolean, n);

  g_assert_cmpuint (n, ==, 60);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (entry->idea);

      g_assert_cmpuint (entry->rank, ==, i + 1);
      g_assert_true (entry->idea == fw_workbook_get_idea (workbook, entry->position));
      g_assert_false (seen[entry->position]);
      seen[entry->position] = TRUE;
      g_assert_cmpint (entry->priority, ==, fw_assessment_get_poc_priority (assessment));
      g_assert_cmpint (entry->score, ==, fw_assessment_get_score (assessment));
      g_assert_true (entry->priority == 0 || (entry->priority >= 3 && entry->priority <= 9));
      /* Unrated ones come last, and only after every rated one. */
      if (entry->priority == 0)
        seen_unrated = TRUE;
      else
        g_assert_false (seen_unrated);
      if (i > 0)
        {
          const FwPortfolioEntry *prev = fw_portfolio_get_entry (portfolio, i - 1);

          g_assert_cmpint (fw_portfolio_entry_compare (prev, entry), <, 0);
          if (prev->priority == entry->priority)
            g_assert_cmpint (prev->score, >=, entry->score);
          else if (entry->priority != 0)
            g_assert_cmpint (prev->priority, >, entry->priority);
        }
    }
  g_assert_true (seen_unrated);
  g_free (seen);
}

static void
test_ranking_ties (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwPortfolio) portfolio = NULL;
  const char *titles[] = { "Banana", "apple", "Cherry" };

  /* The same ratings and no whys: equal priority and score, so the title decides. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();

      fw_idea_set_title (idea, titles[i]);
      for (guint p = 0; p < FW_N_PRIORITIES; p++)
        fw_idea_set_priority (idea, p, FW_LEVEL_HIGH);
      fw_workbook_append_idea (workbook, idea);
    }
  portfolio = fw_portfolio_new (workbook);
  g_assert_cmpint (fw_portfolio_get_entry (portfolio, 0)->priority, ==, 9);
  g_assert_cmpstr (fw_portfolio_get_entry (portfolio, 0)->title, ==, "apple");
  g_assert_cmpstr (fw_portfolio_get_entry (portfolio, 1)->title, ==, "Banana");
  g_assert_cmpstr (fw_portfolio_get_entry (portfolio, 2)->title, ==, "Cherry");
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_layout (guint  n_ideas,
              double width,
              double height)
{
  g_autoptr(FwWorkbook) workbook = make_workbook (n_ideas, 42);
  g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
  g_autoptr(FwPortfolioLayout) layout = NULL;
  FwDiagramStyle style;
  cairo_rectangle_t plot;
  guint n_labels = 0, n_full = 0;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  layout = fw_portfolio_layout_new (portfolio, width, height, &style, NULL);
  fw_portfolio_layout_get_plot (layout, &plot);
  g_assert_cmpfloat (plot.x, >=, 0);
  g_assert_cmpfloat (plot.y, >=, 0);
  g_assert_cmpfloat (plot.x + plot.width, <=, width);
  g_assert_cmpfloat (plot.y + plot.height, <=, height);

  for (guint i = 0; i < n_ideas; i++)
    {
      cairo_rectangle_t a;
      gboolean full;
      double x, y, r;
      int hit;

      fw_portfolio_layout_get_bubble (layout, i, &x, &y, &r);
      g_assert_cmpfloat (x - r, >=, plot.x);
      g_assert_cmpfloat (x + r, <=, plot.x + plot.width);
      g_assert_cmpfloat (y - r, >=, plot.y);
      g_assert_cmpfloat (y + r, <=, plot.y + plot.height);

      /* A click on a bubble's centre opens that idea (or one drawn exactly on it). */
      hit = fw_portfolio_layout_entry_at (layout, x, y);
      g_assert_cmpint (hit, >=, 0);
      {
        double hx, hy;

        fw_portfolio_layout_get_bubble (layout, hit, &hx, &hy, NULL);
        g_assert_cmpfloat (hypot (hx - x, hy - y), <, 0.001);
      }

      if (!fw_portfolio_layout_get_label (layout, i, &a, &full))
        continue;
      n_labels++;
      n_full += full;
      g_assert_cmpfloat (a.x, >=, plot.x);
      g_assert_cmpfloat (a.y, >=, plot.y);
      g_assert_cmpfloat (a.x + a.width, <=, plot.x + plot.width);
      g_assert_cmpfloat (a.y + a.height, <=, plot.y + plot.height);
      g_assert_cmpint (fw_portfolio_layout_entry_at (layout, a.x + a.width / 2,
                                                     a.y + a.height / 2), ==, i);

      for (guint j = 0; j < n_ideas; j++)
        {
          cairo_rectangle_t b;
          double bx, by, br, cx, cy;

          if (j != i && fw_portfolio_layout_get_label (layout, j, &b, NULL))
            {
              if (overlap (&a, &b))
                g_error ("labels %u and %u overlap", i, j);
            }
          /* No label covers any bubble either. */
          fw_portfolio_layout_get_bubble (layout, j, &bx, &by, &br);
          cx = CLAMP (bx, a.x, a.x + a.width);
          cy = CLAMP (by, a.y, a.y + a.height);
          g_assert_cmpfloat (hypot (bx - cx, by - cy), >=, br);
        }
    }
  g_test_message ("%u ideas in %.0f×%.0f: %u labelled, %u with their title", n_ideas, width,
                  height, n_labels, n_full);
  /* Greedy placement must do better than nothing: most ideas keep a label. */
  g_assert_cmpuint (n_labels, >=, n_ideas * 3 / 4);
  g_assert_cmpint (fw_portfolio_layout_entry_at (layout, -10, -10), ==, -1);
}

static void
test_layout_50 (void)
{
  check_layout (50, 1200, 800);
  check_layout (50, 487, 331);   /* the report's chart on A4, in points */
  check_layout (5, 900, 600);
  check_layout (0, 400, 300);
}

/* Two ideas rated and answered alike sit on one point: each keeps a bubble of
 * its own, apart from the other's, that a click on its centre opens — on a
 * roomy chart, the report's (487 × 331 pt) and a phone's. */
static void
test_shared_point (void)
{
  static const double sizes[][2] = { { 1000, 440 }, { 487, 331 }, { 330, 440 }, { 300, 200 } };
  g_autoptr(FwWorkbook) workbook = make_workbook (6, 7);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FwIdea) twin = fw_idea_new ();

      fw_idea_set_title (twin, i == 0 ? "Twin A" : i == 1 ? "Twin B" : "Twin C");
      for (guint p = 0; p < FW_N_PRIORITIES; p++)
        fw_idea_set_priority (twin, p, FW_LEVEL_MEDIUM);
      fw_workbook_append_idea (workbook, twin);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
      g_autoptr(FwPortfolioLayout) layout = NULL;
      guint n = fw_portfolio_get_n_entries (portfolio);
      FwDiagramStyle style;
      cairo_rectangle_t plot;
      guint twins = 0;

      fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
      layout = fw_portfolio_layout_new (portfolio, sizes[s][0], sizes[s][1], &style, NULL);
      fw_portfolio_layout_get_plot (layout, &plot);
      for (guint i = 0; i < n; i++)
        {
          const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
          double x, y, r;

          twins += g_str_has_prefix (entry->title, "Twin");
          fw_portfolio_layout_get_bubble (layout, i, &x, &y, &r);
          g_assert_cmpfloat (x - r, >=, plot.x);
          g_assert_cmpfloat (x + r, <=, plot.x + plot.width);
          g_assert_cmpint (fw_portfolio_layout_entry_at (layout, x, y), ==, i);
          for (guint j = 0; j < i; j++)
            {
              double ox, oy;

              fw_portfolio_layout_get_bubble (layout, j, &ox, &oy, NULL);
              if (hypot (ox - x, oy - y) < 2 * r)
                g_error ("%.0f×%.0f: bubbles %u and %u overlap", sizes[s][0], sizes[s][1],
                         j, i);
            }
        }
      g_assert_cmpuint (twins, ==, 3);
    }
}

/* The sample workbooks' titles are shown whole (on one line or wrapped), at
 * the size of the page's chart, of the report's and of a phone's. */
static void
test_labels_whole (void)
{
  static const struct { double width, height, font_scale; } sizes[] = {
    { 730, 440, 1.46 },  /* the Portfolio page at 1280 px (text about 13 px) */
    { 487, 331, 1.15 },  /* the report, on A4 */
    { 336, 440, 2.16 },  /* the Portfolio page at 360 px */
  };
  static const char *const samples[] = { "en", "ja" };

  for (guint w = 0; w < G_N_ELEMENTS (samples); w++)
    {
      g_autoptr(FwWorkbook) workbook = fw_test_load_sample (samples[w]);
      g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(FwPortfolioLayout) layout = NULL;
          FwDiagramStyle style;

          fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
          style.font_scale = sizes[s].font_scale;
          layout = fw_portfolio_layout_new (portfolio, sizes[s].width, sizes[s].height, &style,
                                            NULL);
          for (guint i = 0; i < fw_portfolio_get_n_entries (portfolio); i++)
            {
              gboolean full = FALSE;

              if (!fw_portfolio_layout_get_label (layout, i, NULL, &full) || !full)
                g_error ("%s at %.0f×%.0f: “%s” not shown whole", samples[w],
                         sizes[s].width, sizes[s].height,
                         fw_portfolio_get_entry (portfolio, i)->title);
            }
        }
    }
}

static void
test_export (void)
{
  g_autoptr(FwWorkbook) workbook = make_workbook (12, 3);
  g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
  FwExportOptions options;

  for (guint f = 0; f < FW_N_EXPORT_FORMATS; f++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const char *data;
      gsize size;

      fw_export_options_init (&options, f);
      bytes = fw_portfolio_export_to_bytes (portfolio, &options, "Chart", &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 100);
      if (f == FW_EXPORT_PNG)
        g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
      else if (f == FW_EXPORT_PDF)
        g_assert_true (memcmp (data, "%PDF", 4) == 0);
      else
        g_assert_nonnull (g_strstr_len (data, size, "<svg"));
    }

  {
    g_autoptr(GError) error = NULL;

    fw_export_options_init (&options, FW_EXPORT_PNG);
    options.width = 1;
    g_assert_null (fw_portfolio_export_to_bytes (portfolio, &options, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* The team round in the portfolio: each entry's agreement and decision, the ring for
 * low agreement, the decision in the bubble's label; ideas without a team round
 * keep everything as before. */
static void
test_team (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwPortfolio) before = fw_portfolio_new (workbook);
  g_autoptr(FwPortfolio) portfolio = NULL;
  FwIdea *split = fw_workbook_get_idea (workbook, 0);
  FwIdea *alike = fw_workbook_get_idea (workbook, 1);
  guint seen = 0;

  for (guint i = 0; i < fw_portfolio_get_n_entries (before); i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (before, i);

      g_assert_cmpint (entry->agreement, ==, -1);
      g_assert_cmpint (entry->decision, ==, FW_DECISION_NONE);
      g_assert_false (fw_portfolio_entry_is_low_agreement (entry));
      g_assert_null (fw_portfolio_entry_describe_team (entry));
    }

  /* Split on one stage of two answered alike: 100 - 100 × 3 / 12 = 75, low. */
  fw_test_member_assess (workbook, split, "Aiko", FW_ROLE_ENGINEER, "hhhh");
  fw_test_member_assess (workbook, split, "Ben", FW_ROLE_DESIGNER, "bhhh");
  fw_idea_set_decision (split, FW_DECISION_GATHER_EVIDENCE);
  /* Holds against strong on one stage: 100 - 100 × 1 / 12 = 92, not low. */
  fw_test_member_assess (workbook, alike, "Aiko", FW_ROLE_ENGINEER, "hhhh");
  fw_test_member_assess (workbook, alike, "Ben", FW_ROLE_DESIGNER, "hhhs");
  portfolio = fw_portfolio_new (workbook);
  for (guint i = 0; i < fw_portfolio_get_n_entries (portfolio); i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
      g_autofree char *team = fw_portfolio_entry_describe_team (entry);

      if (entry->idea == split)
        {
          g_assert_cmpint (entry->agreement, ==, 75);
          g_assert_cmpint (entry->decision, ==, FW_DECISION_GATHER_EVIDENCE);
          g_assert_true (fw_portfolio_entry_is_low_agreement (entry));
          g_assert_cmpstr (team, ==, "Team agreement 75 / 100 · Gather evidence first");
          seen++;
        }
      else if (entry->idea == alike)
        {
          g_assert_cmpint (entry->agreement, ==, 92);
          g_assert_false (fw_portfolio_entry_is_low_agreement (entry));
          g_assert_cmpstr (team, ==, "Team agreement 92 / 100");
          seen++;
        }
      else
        g_assert_null (team);
    }
  g_assert_cmpuint (seen, ==, 2);

  /* The chart still lays every bubble out and can draw it. */
  {
    FwDiagramStyle style;
    g_autoptr(FwPortfolioLayout) layout = NULL;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
    cairo_t *cr = cairo_create (surface);

    fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
    layout = fw_portfolio_layout_new (portfolio, 800, 500, &style, NULL);
    fw_portfolio_draw (layout, cr, -1);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    if (g_getenv ("FW_TEST_PORTFOLIO_PNG"))
      cairo_surface_write_to_png (surface, g_getenv ("FW_TEST_PORTFOLIO_PNG"));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/portfolio/ranking", test_ranking);
  g_test_add_func ("/portfolio/ranking-ties", test_ranking_ties);
  g_test_add_func ("/portfolio/layout-50", test_layout_50);
  g_test_add_func ("/portfolio/shared-point", test_shared_point);
  g_test_add_func ("/portfolio/labels-whole", test_labels_whole);
  g_test_add_func ("/portfolio/export", test_export);
  g_test_add_func ("/portfolio/team", test_team);
  return g_test_run ();
}
