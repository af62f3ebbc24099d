"""Count the SQL queries of each request and say so in `X-Bench-Queries` (benchmark only)."""

import time

from django.db import connections


def count_queries(get_response):
    def middleware(request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        wrappers = [c.execute_wrapper(counter) for c in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Bench-Queries"] = str(count)
        response["X-Bench-Server-Ms"] = f"{(time.perf_counter() - started) * 1000:.2f}"
        return response

    return middleware
