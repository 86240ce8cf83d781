import random

def shuffle_quiz(questions):
    random.shuffle(questions)
    return questions
