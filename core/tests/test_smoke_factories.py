from core.enums import Role


def test_three_users_belong_where_the_fixtures_say(staff, committee_reader, outsider):
    assert staff.memberships.get().municipality.code == "165"
    assert committee_reader.memberships.get().role == Role.COMMITTEE_READER
    assert outsider.memberships.get().municipality.code == "151"
