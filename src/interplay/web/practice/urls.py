from django.urls import path

from interplay.web.practice import coach_views, roleplay_views, statement_views, views

app_name = "practice"
urlpatterns = [
    path("", views.practice_home, name="home"),
    path("experiments/new/", views.new_experiment, name="new"),
    path("experiments/history/", views.history, name="history"),
    path("experiments/<int:pk>/", views.experiment_detail, name="experiment"),
    path("experiments/<int:pk>/edit/", views.edit_experiment, name="edit"),
    path("experiments/<int:pk>/reflect/", views.reflect, name="reflect"),
    path("experiments/<int:pk>/set-aside/", views.set_aside, name="set_aside"),
    path("experiments/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("experiments/<int:pk>/sharing/", views.share, name="share"),
    path("experiments/<int:pk>/delete/", views.delete, name="delete"),
    path("experiments/<int:pk>/accept/", views.accept, name="accept"),
    path("experiments/<int:pk>/decline/", views.decline, name="decline"),
    path("statements/", statement_views.statement_page, name="statements"),
    path("statements/analyse/", statement_views.analyse, name="analyse"),
    path("statements/<int:pk>/delete/", statement_views.delete_draft, name="delete_draft"),
    path("rehearse/", roleplay_views.scenario_list, name="scenarios"),
    path("rehearse/start/", roleplay_views.start, name="start_roleplay"),
    path("rehearse/<int:pk>/", roleplay_views.role_play, name="roleplay"),
    path("rehearse/<int:pk>/stop/", roleplay_views.stop, name="stop_roleplay"),
    path("rehearse/<int:pk>/debrief/", roleplay_views.debrief_page, name="debrief"),
    path("coach/scenarios/", coach_views.scenario_list, name="coach_scenarios"),
    path("coach/scenarios/new/", coach_views.new_scenario, name="coach_new_scenario"),
    path("coach/scenarios/<int:pk>/", coach_views.edit_scenario, name="coach_scenario"),
    path("coach/scenarios/<int:pk>/offer/", coach_views.offer_scenario, name="coach_offer"),
    path("coach/scenarios/<int:pk>/delete/", coach_views.delete_scenario, name="coach_delete"),
]
