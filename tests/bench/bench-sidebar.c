/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>

#include "fw-core.h"
#include "fw-window.h"
#include "big-workbook.h"

/* The sidebar with 10,000 ideas (issue 8): opens the large workbook in a window, scrolls
 * the idea list and searches it, and prints how long each frame took. A frame is timed
 * from the frame clock's "update" phase to the end of its "after-paint": the work GTK
 * did for it. A stall shows as a long frame, or a long gap between two frames. Needs a
 * display (run under xvfb-run); prints numbers, asserts only that the steps happened. */

typedef struct
{
  GArray  *work;        /* double ms: update → after-paint of each frame */
  GArray  *gaps;        /* double ms: after-paint → after-paint */
  gint64   update_at;
  gint64   last_paint;
  gboolean recording;
} Frames;

static Frames frames;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *what,
             GArray     *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_assert_cmpuint (sorted->len, >, 0);
  g_array_sort (sorted, compare_double);
  g_print ("  %-24s median %6.2f ms  p95 %6.2f ms  max %7.2f ms  (%u frames)\n", what,
           g_array_index (sorted, double, sorted->len / 2),
           g_array_index (sorted, double, sorted->len * 95 / 100),
           g_array_index (sorted, double, sorted->len - 1), sorted->len);
}

static void
update_cb (GdkFrameClock *clock)
{
  frames.update_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (frames.recording && frames.update_at > 0)
    {
      double work = (now - frames.update_at) / 1000.0;

      g_array_append_val (frames.work, work);
      if (frames.last_paint > 0)
        {
          double gap = (now - frames.last_paint) / 1000.0;
          g_array_append_val (frames.gaps, gap);
        }
    }
  frames.last_paint = now;
}

static void
start_recording (void)
{
  g_array_set_size (frames.work, 0);
  g_array_set_size (frames.gaps, 0);
  frames.last_paint = 0;
  frames.update_at = 0;
  frames.recording = TRUE;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             gboolean (*match) (GtkWidget *widget))
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match);

      if (found)
        return found;
    }
  return NULL;
}

static guint n_ideas;

/* The idea list: the list view whose model holds all the ideas. */
static gboolean
is_idea_list (GtkWidget *widget)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) == n_ideas;
}

static void
wait_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_frames (GdkFrameClock *clock,
             guint          n)
{
  guint target = frames.work->len + n;

  while (frames.work->len < target)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  GtkAdjustment *adj;
  double         step;
  guint          frames_left;
  gboolean       done;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adj) + scroll->step;
  double max = gtk_adjustment_get_upper (scroll->adj) - gtk_adjustment_get_page_size (scroll->adj);

  gtk_adjustment_set_value (scroll->adj, MIN (value, max));
  if (--scroll->frames_left == 0 || value >= max)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
bench_scroll (GtkWidget     *list,
              GtkAdjustment *adj,
              const char    *what,
              double         step,
              guint          n_frames)
{
  Scroll scroll = { adj, step, n_frames, FALSE };

  gtk_adjustment_set_value (adj, 0);
  start_recording ();
  gtk_widget_add_tick_callback (list, scroll_tick_cb, &scroll, NULL);
  wait_until (&scroll.done);
  frames.recording = FALSE;
  g_print ("%s: %.0f px a frame, reached %.0f of %.0f px\n", what, step,
           gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj));
  print_stats ("frame work", frames.work);
  print_stats ("frame to frame", frames.gaps);
}

static gint64 search_emitted_at;

/* Emission hooks run before any handler: this is when the window starts to filter. */
static gboolean
search_emission_hook (GSignalInvocationHint *hint,
                      guint                  n_values,
                      const GValue          *values,
                      gpointer               user_data)
{
  search_emitted_at = g_get_monotonic_time ();
  return TRUE;
}

static const char *search_text;

/* Setting the text first clears the entry, and an empty entry reports at once: wait for
 * the report of the text itself. */
static void
search_changed_cb (GtkSearchEntry *entry,
                   gboolean       *changed)
{
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), search_text))
    *changed = TRUE;
}

static void
bench_search (GtkWidget     *entry,
              GtkListView   *list,
              GdkFrameClock *clock,
              const char    *text)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  gboolean changed = FALSE;
  gulong id;
  gint64 start, filtered;

  guint delay = 0;

  g_object_get (entry, "search-delay", &delay, NULL);
  /* After the window's own handler, which refilters. */
  id = g_signal_connect_after (entry, "search-changed", G_CALLBACK (search_changed_cb), &changed);
  search_text = text;
  start_recording ();
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (&changed);
  filtered = g_get_monotonic_time ();
  wait_frames (clock, 3);
  frames.recording = FALSE;
  g_signal_handler_disconnect (entry, id);
  g_print ("search “%s”: %u ideas shown; filtering took %.1f ms "
           "(set text → filtered %.1f ms, with the entry's delay of %u ms)\n", text, g_list_model_get_n_items (model),
           (filtered - search_emitted_at) / 1000.0, (filtered - start) / 1000.0, delay);
  print_stats ("frame work", frames.work);
  print_stats ("frame to frame", frames.gaps);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) wb = NULL;
  FwWindow *window;
  GtkWidget *list, *scroller, *entry;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  struct rusage usage;
  gint64 start;

  gtk_init ();
  adw_init ();
  if (argc != 5)
    {
      g_printerr ("usage: %s BIG.flywheel MAKE-BIG SAMPLE-EN SAMPLE-JA\n", argv[0]);
      return 2;
    }
  frames.work = g_array_new (FALSE, FALSE, sizeof (double));
  frames.gaps = g_array_new (FALSE, FALSE, sizeof (double));

  file = g_file_new_for_commandline_arg (big_workbook_ensure (argv));
  start = g_get_monotonic_time ();
  wb = fw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  n_ideas = fw_workbook_get_n_ideas (wb);
  g_print ("load: %.0f ms, %u ideas\n", (g_get_monotonic_time () - start) / 1000.0, n_ideas);

  start = g_get_monotonic_time ();
  window = fw_window_new (NULL, NULL, wb, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  start_recording ();
  wait_frames (clock, 1);
  g_print ("window: first frame %.0f ms after fw_window_new\n",
           (g_get_monotonic_time () - start) / 1000.0);
  wait_frames (clock, 5);

  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, is_idea_list);
  g_assert_nonnull (list);
  scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);

  bench_scroll (list, adj, "scroll the sidebar smoothly", 40, 300);
  bench_scroll (list, adj, "scroll the sidebar in jumps",
                gtk_adjustment_get_upper (adj) / 200, 200);

  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_emission_hook, NULL, NULL);
  bench_search (entry, GTK_LIST_VIEW (list), clock, "travel style");
  bench_search (entry, GTK_LIST_VIEW (list), clock, "no idea says this");
  bench_search (entry, GTK_LIST_VIEW (list), clock, "09999");
  bench_search (entry, GTK_LIST_VIEW (list), clock, "");

  /* Selecting an idea far down the list. */
  start_recording ();
  start = g_get_monotonic_time ();
  g_assert_true (fw_window_select_idea (window, fw_workbook_get_n_ideas (wb) - 1));
  wait_frames (clock, 2);
  g_print ("select the last idea: %.1f ms to 2 frames\n",
           (g_get_monotonic_time () - start) / 1000.0);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS (loaded workbook + window): %.1f MB\n", usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
