def mean(values):
    assert len(values) > 0, 'empty'
    return sum(values) / len(values)
