/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "fw-core.h"
#include "fw-flywheel-diagram.h"
#include "fw-flywheel-layout.h"
#include "fw-i18n.h"
#include "fw-test-language.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

static const struct { double w, h; } sizes[] = {
  { 360, 360 }, { 360, 640 }, { 640, 360 }, { 480, 480 }, { 800, 600 }, { 1024, 768 },
  { 1200, 900 }, { 1280, 480 }, { 1000, 1400 }, { 1600, 1000 }, { 1920, 1080 },
  { 2560, 1440 }, { 4000, 3000 },
};

static gboolean
overlaps (const cairo_rectangle_t *a,
          const cairo_rectangle_t *b)
{
  /* Touching edges are fine; a hundredth of a pixel is rounding. */
  return a->x + a->width > b->x + 0.01 && b->x + b->width > a->x + 0.01 &&
         a->y + a->height > b->y + 0.01 && b->y + b->height > a->y + 0.01;
}

static const char *
part_name (FwFlywheelPart part)
{
  static const char *names[] = { "title", "badge", "hub", "node", "label", "cut", "legend" };
  return names[part];
}

/* Every part inside the canvas, none over another, no missing glyph. */
static void
check_layout (const FwFlywheelInput *input,
              double                 w,
              double                 h,
              FwDiagramTheme         theme,
              const char            *what)
{
  FwDiagramStyle style;
  g_autoptr(FwFlywheelLayout) layout = NULL;
  guint n;

  fw_diagram_style_init (&style, theme);
  layout = fw_flywheel_layout_new (input, w, h, &style, NULL);
  n = fw_flywheel_layout_get_n_parts (layout);
  g_assert_cmpuint (n, >=, 2 + FW_N_STAGES);

  for (guint i = 0; i < n; i++)
    {
      FwFlywheelPart part;
      cairo_rectangle_t r;
      int stage;

      fw_flywheel_layout_get_part (layout, i, &part, &stage, &r);
      if (r.x < -0.01 || r.y < -0.01 || r.x + r.width > w + 0.01 || r.y + r.height > h + 0.01 ||
          r.width <= 0 || r.height <= 0)
        g_error ("%s at %g×%g: %s %d (%g,%g %g×%g) is outside the canvas", what, w, h,
                 part_name (part), stage, r.x, r.y, r.width, r.height);
      for (guint j = i + 1; j < n; j++)
        {
          FwFlywheelPart part2;
          cairo_rectangle_t r2;
          int stage2;

          fw_flywheel_layout_get_part (layout, j, &part2, &stage2, &r2);
          if (overlaps (&r, &r2))
            g_error ("%s at %g×%g: %s %d (%g,%g %g×%g) overlaps %s %d (%g,%g %g×%g)", what, w, h,
                     part_name (part), stage, r.x, r.y, r.width, r.height,
                     part_name (part2), stage2, r2.x, r2.y, r2.width, r2.height);
        }
    }

  /* Every node is there; from 800×600 up, every label too. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n; i++)
        {
          FwFlywheelPart part;
          int stage;

          fw_flywheel_layout_get_part (layout, i, &part, &stage, NULL);
          found |= part == FW_FLYWHEEL_PART_NODE && stage == (int) s;
        }
      g_assert_true (found);
      if (w >= 800 && h >= 600 && !fw_flywheel_layout_get_label_rect (layout, s, NULL))
        g_error ("%s at %g×%g: no room for the label of stage %u", what, w, h, s);
    }

  g_assert_cmpuint (fw_flywheel_layout_count_unknown_glyphs (layout), ==, 0);
}

static void
check_workbook (const char *lang)
{
  g_autoptr(FwWorkbook) workbook = NULL;

  fw_test_use_language (lang);
  workbook = fw_test_load_sample (lang);
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), >, 0);
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), >, 0);

  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      g_autoptr(FwFlywheelInput) input =
        fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, i));
      g_autofree char *what = g_strdup_printf ("%s idea %u", lang, i + 1);

      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        check_layout (input, sizes[k].w, sizes[k].h, k % 2 ? FW_DIAGRAM_THEME_DARK
                                                           : FW_DIAGRAM_THEME_LIGHT, what);
    }
  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    {
      g_autoptr(FwFlywheelInput) input =
        fw_flywheel_input_new_for_case (fw_workbook_get_case (workbook, i));
      g_autofree char *what = g_strdup_printf ("%s case %u", lang, i + 1);

      g_assert_true (input->is_case);
      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        check_layout (input, sizes[k].w, sizes[k].h, FW_DIAGRAM_THEME_LIGHT, what);
    }
  fw_test_use_language (NULL);
}

static void
test_samples_en (void)
{
  check_workbook ("en");
}

static void
test_samples_ja (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("ja");
  g_autoptr(FwFlywheelInput) input =
    fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, 0));

  /* Japanese whys get Japanese glyphs and line breaking even in an English UI. */
  g_assert_cmpstr (input->language, ==, "ja");
  check_workbook ("ja");
}

static char *
repeat (const char *piece,
        guint       n_chars)
{
  GString *s = g_string_new (NULL);

  while (g_utf8_strlen (s->str, -1) < (glong) n_chars)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

static FwIdea *
long_idea (gboolean japanese)
{
  FwIdea *idea = fw_idea_new ();
  g_autofree char *title = repeat (japanese ? "とても長いタイトルの機能案"
                                            : "A very long idea title ", 300);

  fw_idea_set_title (idea, title);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *why =
        repeat (japanese ? "利用者が増えるほどデータが増え、モデルの精度が上がるから。"
                         : "Because more users bring more data, which makes the model "
                           "more accurate over time. ",
                2000);
      fw_idea_set_why (idea, s, why);
      fw_idea_set_evidence (idea, s, FW_EVIDENCE_ESTIMATES + s);
    }
  /* And one break, so the longest label (losing case, reason, why) is there too. */
  fw_idea_set_answer (idea, FW_QUESTION_USERS_WOULD_MISS, FW_ANSWER_NO);
  return idea;
}

static void
test_long_texts (void)
{
  for (guint japanese = 0; japanese < 2; japanese++)
    {
      g_autoptr(FwIdea) idea = long_idea (japanese);
      g_autoptr(FwFlywheelInput) input = fw_flywheel_input_new_for_idea (idea);
      g_autoptr(FwFlywheelLayout) layout = NULL;
      FwDiagramStyle style;

      g_assert_cmpuint (g_utf8_strlen (input->whys[0], -1), >=, 2000);
      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        check_layout (input, sizes[k].w, sizes[k].h, FW_DIAGRAM_THEME_LIGHT,
                      japanese ? "long ja" : "long en");

      fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
      layout = fw_flywheel_layout_new (input, 1200, 900, &style, NULL);
      for (guint s = 0; s < FW_N_STAGES; s++)
        g_assert_true (fw_flywheel_layout_label_is_ellipsized (layout, s));
    }
}

static void
test_short_texts_not_ellipsized (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwFlywheelInput) input =
    fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, 0));
  g_autoptr(FwFlywheelLayout) layout = NULL;
  FwDiagramStyle style;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  layout = fw_flywheel_layout_new (input, 1200, 900, &style, NULL);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_false (fw_flywheel_layout_label_is_ellipsized (layout, s));
}

/* The arcs cut are exactly the stages the rules break, each with its mark
 * and with the deck's losing case in its label. */
static void
test_broken_stages (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  guint n_broken = 0;

  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
      g_autoptr(FwFlywheelInput) input = fw_flywheel_input_new_for_idea (idea);
      g_autoptr(FwFlywheelLayout) layout = NULL;
      FwDiagramStyle style;

      fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
      layout = fw_flywheel_layout_new (input, 1200, 900, &style, NULL);
      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          gboolean broken = fw_assessment_get_stage_state (assessment, s) == FW_STAGE_STATE_BROKEN;
          gboolean has_cut = FALSE;

          for (guint p = 0; p < fw_flywheel_layout_get_n_parts (layout); p++)
            {
              FwFlywheelPart part;
              int stage;

              fw_flywheel_layout_get_part (layout, p, &part, &stage, NULL);
              has_cut |= part == FW_FLYWHEEL_PART_CUT && stage == (int) s;
            }
          g_assert_cmpint (fw_flywheel_layout_stage_is_cut (layout, s), ==, broken);
          g_assert_cmpint (has_cut, ==, broken);
          if (broken)
            {
              g_assert_cmpstr (input->losing_cases[s], ==, fw_stage_losing_case (s));
              g_assert_nonnull (input->break_reasons[s]);
              g_assert_cmpstr (input->break_reasons[s], !=, "");
              n_broken++;
            }
          else
            g_assert_null (input->losing_cases[s]);
        }
    }
  /* The samples reach the losing verdict, so something must be cut. */
  g_assert_cmpuint (n_broken, >, 0);
}

static void
rect_center (const cairo_rectangle_t *r,
             double                  *x,
             double                  *y)
{
  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

static void
test_hit_testing (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwFlywheelInput) input =
    fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, 0));
  g_autoptr(FwFlywheelLayout) layout = NULL;
  FwDiagramStyle style;
  guint n_hub = 0;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  layout = fw_flywheel_layout_new (input, 1200, 900, &style, NULL);
  for (guint p = 0; p < fw_flywheel_layout_get_n_parts (layout); p++)
    {
      FwFlywheelPart part;
      cairo_rectangle_t r;
      int stage;
      double x, y;

      fw_flywheel_layout_get_part (layout, p, &part, &stage, &r);
      rect_center (&r, &x, &y);
      switch (part)
        {
        case FW_FLYWHEEL_PART_NODE:
        case FW_FLYWHEEL_PART_LABEL:
        case FW_FLYWHEEL_PART_CUT:
          g_assert_cmpint (fw_flywheel_layout_stage_at (layout, x, y), ==, stage);
          break;
        case FW_FLYWHEEL_PART_HUB:
          n_hub++;
          G_GNUC_FALLTHROUGH;
        case FW_FLYWHEEL_PART_TITLE:
        case FW_FLYWHEEL_PART_BADGE:
        case FW_FLYWHEEL_PART_LEGEND:
        default:
          g_assert_cmpint (fw_flywheel_layout_stage_at (layout, x, y), ==, -1);
        }
    }
  g_assert_cmpuint (n_hub, ==, 1);
  g_assert_cmpint (fw_flywheel_layout_stage_at (layout, 1, 1), ==, -1);
  g_assert_cmpint (fw_flywheel_layout_stage_at (layout, 1199, 899), ==, -1);
}

static void
test_cache (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwFlywheelDiagram) diagram = fw_flywheel_diagram_new ();
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  FwFlywheelLayout *first;
  FwDiagramStyle style;
  guint changed = 0;

  g_assert_null (fw_flywheel_diagram_get_layout (diagram, 800, 600));
  g_signal_connect_swapped (diagram, "changed", G_CALLBACK (g_nullify_pointer), NULL);
  g_signal_handlers_disconnect_matched (diagram, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        g_nullify_pointer, NULL);
  fw_flywheel_diagram_set_idea (diagram, idea);

  first = fw_flywheel_diagram_get_layout (diagram, 800, 600);
  g_assert_nonnull (first);
  g_assert_true (fw_flywheel_diagram_get_layout (diagram, 800, 600) == first);
  g_assert_cmpuint (fw_flywheel_diagram_get_n_layouts (diagram), ==, 1);

  fw_flywheel_diagram_get_layout (diagram, 801, 600);
  g_assert_cmpuint (fw_flywheel_diagram_get_n_layouts (diagram), ==, 2);

  /* The same style again changes nothing; another one lays out again. */
  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  fw_flywheel_diagram_set_style (diagram, &style);
  fw_flywheel_diagram_get_layout (diagram, 801, 600);
  g_assert_cmpuint (fw_flywheel_diagram_get_n_layouts (diagram), ==, 2);
  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_DARK);
  fw_flywheel_diagram_set_style (diagram, &style);
  fw_flywheel_diagram_get_layout (diagram, 801, 600);
  g_assert_cmpuint (fw_flywheel_diagram_get_n_layouts (diagram), ==, 3);

  /* An edit to the idea: "changed", a new input, a new layout. */
  g_signal_connect_swapped (diagram, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  fw_idea_set_title (idea, "Renamed");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (fw_flywheel_diagram_get_input (diagram)->title, ==, "Renamed");
  fw_flywheel_diagram_get_layout (diagram, 801, 600);
  g_assert_cmpuint (fw_flywheel_diagram_get_n_layouts (diagram), ==, 4);

  /* A case replaces the idea, whose edits then no longer matter. */
  fw_flywheel_diagram_set_case (diagram, fw_workbook_get_case (workbook, 0));
  g_assert_null (fw_flywheel_diagram_get_idea (diagram));
  g_assert_true (fw_flywheel_diagram_get_input (diagram)->is_case);
  changed = 0;
  fw_idea_set_title (idea, "Renamed again");
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_font_size_scales (void)
{
  FwDiagramStyle style;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  g_assert_cmpfloat (fw_diagram_style_font_size (&style, 360, 360), <,
                     fw_diagram_style_font_size (&style, 1200, 900));
  g_assert_cmpfloat (fw_diagram_style_font_size (&style, 1200, 900), <,
                     fw_diagram_style_font_size (&style, 4000, 3000));
  g_assert_cmpfloat (fw_diagram_style_font_size (&style, 360, 360), >=, 8);
}

/* The team's spread: the input carries it from the members' assessments, the layout
 * marks the split stage and adds the team's two legend entries; the same idea
 * without assessments lays out exactly as before. */
static guint
count_parts (const FwFlywheelLayout *layout,
             FwFlywheelPart          which,
             int                    *stage)
{
  guint n = 0;

  for (guint i = 0; i < fw_flywheel_layout_get_n_parts (layout); i++)
    {
      FwFlywheelPart part;
      int s;
      cairo_rectangle_t rect;

      fw_flywheel_layout_get_part (layout, i, &part, &s, &rect);
      if (part == which)
        {
          n++;
          if (stage)
            *stage = s;
        }
    }
  return n;
}

static void
test_team_spread (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  g_autoptr(FwFlywheelInput) before = fw_flywheel_input_new_for_idea (idea);
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autoptr(FwFlywheelLayout) plain = NULL;
  g_autoptr(FwFlywheelLayout) layout = NULL;
  FwDiagramStyle style;
  int stage = -1;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  g_assert_false (before->has_spread);
  plain = fw_flywheel_layout_new (before, 800, 600, &style, NULL);
  g_assert_cmpuint (count_parts (plain, FW_FLYWHEEL_PART_SPLIT, NULL), ==, 0);
  g_assert_cmpuint (count_parts (plain, FW_FLYWHEEL_PART_LEGEND, NULL), ==, FW_N_STAGE_STATES);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_false (fw_flywheel_layout_stage_has_spread (plain, s));

  fw_test_member_assess (workbook, idea, "Aiko", FW_ROLE_ENGINEER, "hhwu");
  fw_test_member_assess (workbook, idea, "Ben", FW_ROLE_DESIGNER, "bhsu");
  input = fw_flywheel_input_new_for_idea (idea);
  g_assert_true (input->has_spread);
  g_assert_cmpuint (input->n_members, ==, 2);
  g_assert_cmpint (input->spread_weakest[0], ==, FW_STAGE_STATE_BROKEN);
  g_assert_cmpint (input->spread_strongest[0], ==, FW_STAGE_STATE_HOLDS);
  g_assert_true (input->split[0]);
  g_assert_cmpint (input->spread_weakest[2], ==, FW_STAGE_STATE_WEAK);
  g_assert_cmpint (input->spread_strongest[2], ==, FW_STAGE_STATE_STRONG);
  g_assert_false (input->split[2]);
  g_assert_cmpint (input->spread_strongest[3], ==, FW_STAGE_STATE_UNANSWERED);
  /* The agreed judgement (the idea's own) is still what the arcs show. */
  g_assert_cmpmem (input->states, sizeof input->states, before->states, sizeof before->states);
  g_assert_true (g_str_has_prefix (input->description, before->description));
  g_assert_nonnull (strstr (input->description, "2 members assessed this idea."));
  g_assert_nonnull (strstr (input->description, "Customer experience: the team is split"));
  g_assert_nonnull (strstr (input->description, "Data: the members range from weak to strong."));

  layout = fw_flywheel_layout_new (input, 800, 600, &style, NULL);
  g_assert_cmpuint (count_parts (layout, FW_FLYWHEEL_PART_SPLIT, &stage), ==, 1);
  g_assert_cmpint (stage, ==, FW_STAGE_CUSTOMER_EXPERIENCE);
  g_assert_cmpuint (count_parts (layout, FW_FLYWHEEL_PART_LEGEND, NULL), ==,
                    FW_N_STAGE_STATES + 2);
  g_assert_true (fw_flywheel_layout_stage_has_spread (layout, FW_STAGE_DATA));
  g_assert_false (fw_flywheel_layout_stage_has_spread (layout, FW_STAGE_MODEL));
  g_assert_cmpuint (fw_flywheel_layout_count_unknown_glyphs (layout), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flywheel-layout/samples-en", test_samples_en);
  g_test_add_func ("/flywheel-layout/samples-ja", test_samples_ja);
  g_test_add_func ("/flywheel-layout/long-texts", test_long_texts);
  g_test_add_func ("/flywheel-layout/short-texts-whole", test_short_texts_not_ellipsized);
  g_test_add_func ("/flywheel-layout/broken-stages", test_broken_stages);
  g_test_add_func ("/flywheel-layout/hit-testing", test_hit_testing);
  g_test_add_func ("/flywheel-layout/cache", test_cache);
  g_test_add_func ("/flywheel-layout/team-spread", test_team_spread);
  g_test_add_func ("/flywheel-layout/font-size-scales", test_font_size_scales);

  return g_test_run ();
}
