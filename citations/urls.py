app_name = "citations"
urlpatterns = []
