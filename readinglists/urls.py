app_name = "readinglists"
urlpatterns = []
