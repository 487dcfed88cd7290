from ninja import NinjaAPI

api = NinjaAPI(title="Kurs API", version="1", urls_namespace="api")
